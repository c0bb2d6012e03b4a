// Opens the repository for a check: its top directory, the head and base commits, and what
// names them — in one round of concurrent git calls (each spawn costs milliseconds). The calls
// that read the commits can start in the same round, on those calls' output (CommitsToRead).
import type { GitRef } from "../../shared/core/types.js";
import { cliError } from "../cli-error.js";
import { parseRemoteRepository } from "./parse-remote-repository.js";
import { resolveCommit, startDefaultBase } from "./resolve-refs.js";
import { lineOf } from "./output-line.js";
import type { GitBatch } from "./git-batch.js";
import { outputLine, runGit, type GitArg, type GitOutput, type GitRunOptions } from "./run-git.js";

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

/** The base and head commits, for git calls that read them, and how to run git there. */
export interface CommitsToRead {
  /** A SHA, or the line of the git call that resolves it (see outputLine). */
  base: GitArg;
  head: GitArg;
  git: GitRunOptions;
  /** The repository, for messages that name the refs. */
  repo: Promise<GitRepository>;
  /**
   * With no --base, `base` is the likeliest default branch's SHA, a guess made before the
   * candidates are compared: this says, once they are, whether it was right.
   */
  baseGuessed?: Promise<boolean>;
}

export interface OpeningRepository {
  repo: Promise<GitRepository>;
  /**
   * The commits as lines of the git calls that resolve them, so calls that read them can start
   * now; null when a revision is invalid.
   */
  commits: CommitsToRead | null;
}

export async function openRepository(request: RepositoryRequest): Promise<GitRepository> {
  return startOpeningRepository(request).repo;
}

/** Starts the git calls that open the repository; nothing is awaited yet. */
export function startOpeningRepository(request: RepositoryRequest): OpeningRepository {
  const git: GitRunOptions = { cwd: request.dir, env: request.env, batch: request.batch };
  const revs = [request.head ?? "HEAD", ...(request.base === null ? [] : [request.base])];
  // A leading dash would be read as an option by git.
  const invalid = revs.find((rev) => rev === "" || rev.startsWith("-"));
  if (invalid !== undefined) {
    return { repo: Promise.reject(cliError(`invalid revision '${invalid}'`)), commits: null };
  }
  // One git call: head SHA and explicit base SHA (lines 0 and 1), the branch's name, and last
  // the top directory (a directory's name may hold a newline; a SHA or a branch's never does).
  const args = ["rev-parse", ...revs.map((rev) => `${rev}^{commit}`)];
  if (request.head === null) args.push("--abbrev-ref", "HEAD");
  args.push("--show-toplevel");
  const located = runGit(args, { ...git, okCodes: [128] });
  const defaultBase = request.base === null ? startDefaultBase(git) : null;
  const repo = Promise.all([
    locate(located, revs, request, git),
    defaultBase?.base ?? null,
    readOriginRepository(git),
  ]).then(([found, base, repository]) => ({
    root: found.root,
    base: base ?? { ref: request.base ?? "", sha: found.baseSha ?? "" },
    head: { ref: request.head ?? found.branch, sha: found.headSha },
    repository,
    git,
  }));
  const head = [outputLine(located, 0)];
  if (defaultBase === null)
    return { repo, commits: { head, base: [outputLine(located, 1)], git, repo } };
  const { listing } = defaultBase;
  // Never rejects: when the repository cannot be opened, `repo` says why.
  const baseGuessed = Promise.all([repo, listing]).then(
    ([opened, { stdout }]) => lineOf(stdout, 0) === opened.base.sha,
    () => false,
  );
  return { repo, commits: { head, base: [outputLine(listing, 0)], git, repo, baseGuessed } };
}

/** The commits of an open repository, by SHA. */
export function commitsOf(repo: GitRepository): CommitsToRead {
  return { base: repo.base.sha, head: repo.head.sha, git: repo.git, repo: Promise.resolve(repo) };
}

async function locate(
  located: Promise<GitOutput>,
  revs: string[],
  request: RepositoryRequest,
  git: GitRunOptions,
) {
  const result = await located;
  if (result.code !== 0) {
    // Find which revision is unknown, with git's own words for it.
    for (const rev of revs) await resolveCommit(rev, git);
    throw cliError(`git rev-parse failed (git: ${result.stderr.trim().split("\n")[0] ?? ""})`);
  }
  const [headSha = "", ...rest] = result.stdout.toString("utf8").split("\n");
  const baseSha = request.base === null ? null : (rest.shift() ?? "");
  // --abbrev-ref says HEAD when detached; a branch also named like a tag comes out as heads/x.
  const branch = request.head === null ? (rest.shift() ?? "HEAD").replace(/^heads\//, "") : "HEAD";
  // The rest is the top directory, which git ends with a newline.
  const root = rest.join("\n").replace(/\n$/, "");
  return { root, headSha, baseSha, branch };
}

async function readOriginRepository(git: GitRunOptions): Promise<string | null> {
  const result = await runGit(["config", "--get", "remote.origin.url"], { ...git, okCodes: [1] });
  return result.code === 0 ? parseRemoteRepository(result.stdout.toString("utf8").trim()) : null;
}
