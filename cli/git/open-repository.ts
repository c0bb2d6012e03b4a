// Opens the repository for a check: its top directory, the head and base commits, and what
// names them — in one round of concurrent git calls (each spawn costs milliseconds).
import type { GitRef } from "../../shared/core/types.js";
import { cliError } from "../cli-error.js";
import { parseRemoteRepository } from "./parse-remote-repository.js";
import { resolveCommit, resolveDefaultBase } from "./resolve-refs.js";
import type { GitBatch } from "./git-batch.js";
import { runGit, type GitRunOptions } from "./run-git.js";

export interface RepositoryRequest {
  /** Any directory inside the working tree. */
  dir: string;
  env: Record<string, string | undefined>;
  base: string | null;
  head: string | null;
  /** The shell that runs this check's git calls together, if any (git-batch.ts). */
  batch?: GitBatch | null;
}

export interface GitRepository {
  /** The working tree's top directory. */
  root: string;
  base: GitRef;
  head: GitRef;
  /** `owner/repo` from a GitHub `origin` remote, else null. */
  repository: string | null;
  /** How to run git here; every later call uses root-relative paths whatever the directory. */
  git: GitRunOptions;
}

export async function openRepository(request: RepositoryRequest): Promise<GitRepository> {
  const git: GitRunOptions = { cwd: request.dir, env: request.env, batch: request.batch };
  const [found, base, repository] = await Promise.all([
    // One git call: top directory, head SHA, explicit base SHA, and the branch's name.
    locate(request, git),
    request.base === null ? resolveDefaultBase(git) : null,
    readOriginRepository(git),
  ]);
  return {
    root: found.root,
    base: base ?? { ref: request.base ?? "", sha: found.baseSha ?? "" },
    head: { ref: request.head ?? found.branch, sha: found.headSha },
    repository,
    git,
  };
}

async function locate(request: RepositoryRequest, git: GitRunOptions) {
  const revs = [request.head ?? "HEAD", ...(request.base === null ? [] : [request.base])];
  // A leading dash would be read as an option by git.
  const invalid = revs.find((rev) => rev === "" || rev.startsWith("-"));
  if (invalid !== undefined) throw cliError(`invalid revision '${invalid}'`);
  const args = ["rev-parse", "--show-toplevel", ...revs.map((rev) => `${rev}^{commit}`)];
  if (request.head === null) args.push("--abbrev-ref", "HEAD");
  const result = await runGit(args, { ...git, okCodes: [128] });
  if (result.code !== 0) {
    // Find which revision is unknown, with git's own words for it.
    for (const rev of revs) await resolveCommit(rev, git);
    throw cliError(`git rev-parse failed (git: ${result.stderr.trim().split("\n")[0] ?? ""})`);
  }
  const [root = "", headSha = "", ...rest] = result.stdout.toString("utf8").split("\n");
  const baseSha = request.base === null ? null : (rest.shift() ?? "");
  // --abbrev-ref says HEAD when detached; a branch also named like a tag comes out as heads/x.
  const branch = (rest.shift() ?? "HEAD").replace(/^heads\//, "");
  return { root, headSha, baseSha, branch };
}

async function readOriginRepository(git: GitRunOptions): Promise<string | null> {
  const result = await runGit(["config", "--get", "remote.origin.url"], { ...git, okCodes: [1] });
  return result.code === 0 ? parseRemoteRepository(result.stdout.toString("utf8").trim()) : null;
}
