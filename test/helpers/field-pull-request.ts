// Test helper: a field case's git repository (buildFieldRepo) read back as the pull request GitHub
// would show for it — base and head trees, each changed file's patch as the pull request files API
// returns it — and seeded into the GitHub simulator, reports as the App's CI artifact.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Simulator } from "../github-simulator/index.js";
import type { PrFileSeed } from "../github-simulator/to-pr-file.js";
import { makeZip } from "../github/make-zip.js";
import type { FieldRepo } from "./field-case.js";

export interface FieldPullRequest {
  baseSha: string;
  headSha: string;
  /** The head commit's subject, which the CLI takes as the title. */
  title: string;
  /** Every file of each commit, by path. */
  baseTree: Map<string, string>;
  headTree: Map<string, string>;
  files: PrFileSeed[];
  /** The reports, by repository path, as the CI workflow uploads them. */
  reports: Record<string, Buffer>;
}

const STATUS: Record<string, PrFileSeed["status"]> = {
  A: "added",
  M: "modified",
  D: "removed",
};

/** The pull request `feature` → `main` of a field repository, with `git diff`'s own patches. */
export function readFieldPullRequest(repo: FieldRepo): FieldPullRequest {
  const baseSha = repo.git(["rev-parse", "main"]).trim();
  const headSha = repo.git(["rev-parse", "feature"]).trim();
  const files = repo
    .git(["diff", "--name-status", "--no-renames", "-z", `${baseSha}...${headSha}`])
    .split("\0")
    .filter((field) => field !== "")
    .reduce<PrFileSeed[]>((seeds, field, i, fields) => {
      if (i % 2 === 1) return seeds;
      const filename = fields[i + 1] ?? "";
      const diff = repo.git(["diff", `${baseSha}...${headSha}`, "--", filename]);
      // The files API's `patch` is the hunks alone, without git's header or a final newline.
      const patch = diff.slice(diff.indexOf("\n@@") + 1).replace(/\n$/, "");
      const status = STATUS[field];
      if (status === undefined) throw new Error(`${filename}: unexpected status ${field}`);
      return [...seeds, { filename, status, patch }];
    }, []);
  return {
    baseSha,
    headSha,
    title: repo.git(["log", "-1", "--format=%s", headSha]).trim(),
    baseTree: readTree(repo, baseSha),
    headTree: readTree(repo, headSha),
    files,
    reports: Object.fromEntries(
      repo.reports.map((report) => [report, readFileSync(join(repo.dir, report))]),
    ),
  };
}

function readTree(repo: FieldRepo, sha: string): Map<string, string> {
  const paths = repo
    .git(["ls-tree", "-r", "-z", "--name-only", sha])
    .split("\0")
    .filter((path) => path !== "");
  return new Map(paths.map((path) => [path, repo.git(["show", `${sha}:${path}`])]));
}

export interface SeedTarget {
  owner: string;
  repo: string;
  number: number;
  /** The CI run whose artifact `coverage` carries the reports. */
  runId: number;
}

/**
 * Seeds the simulator: the base tree at the base sha (and on `main`, where the App looks for its
 * coverage workflow), the head tree at the head sha (the App's tree and go.mod reads), the pull
 * request with its files, and the reports zipped at their repository paths as the artifact.
 */
export function seedFieldPullRequest(sim: Simulator, at: SeedTarget, pr: FieldPullRequest): void {
  const { owner, repo } = at;
  for (const [path, text] of pr.baseTree) {
    sim.state.setFile(owner, repo, pr.baseSha, path, text);
    sim.state.setFile(owner, repo, "main", path, text);
  }
  for (const [path, text] of pr.headTree) sim.state.setFile(owner, repo, pr.headSha, path, text);
  sim.state.addPullRequest(owner, repo, {
    number: at.number,
    title: pr.title,
    body: "",
    base: { ref: "main", sha: pr.baseSha },
    head: { ref: "feature", sha: pr.headSha },
    files: pr.files,
  });
  sim.state.addArtifact(owner, repo, at.runId, { name: "coverage", data: makeZip(pr.reports) });
}
