// Measures every merged pull request as the `size` rule would have: the diff GitHub showed (from
// the merge base of base and head), with the config and .gitattributes of the base commit.
// One `git diff-tree --stdin` process streams every diff; one `git cat-file --batch` reads the
// config files.
import type { ClassifiedCommit } from "../../shared/core/report/build-delivery-report.js";
import { createNumstatReader } from "../../shared/core/report/parse-numstat.js";
import type { MergeTrace } from "../../shared/core/report/trace-merges.js";
import { parseConfig } from "../../shared/core/config/parse-config.js";
import {
  countSize,
  type SizeCount,
  type SizedFile,
} from "../../shared/core/rules/size/count-size.js";
import { CONFIG_PATH } from "../git/read-base-files.js";
import { readObjects } from "../git/read-objects.js";
import { runGit, type GitRunOptions } from "../git/run-git.js";
import { streamGit } from "./stream-git.js";

export interface Measured {
  sizes: Map<string, SizeCount>;
  notes: string[];
}

interface Job {
  sha: string;
  /** The commit the gate read its config from: the base branch when it merged. */
  base: string | null;
  /** The line for `git diff-tree --stdin`: head and merge base, or the squash commit alone. */
  diff: string;
}

export async function measurePullRequests(
  commits: readonly ClassifiedCommit[],
  traces: ReadonlyMap<string, MergeTrace>,
  git: GitRunOptions,
): Promise<Measured> {
  const notes: string[] = [];
  const jobs: Job[] = [];
  for (const { commit, kind } of commits) {
    if (kind.kind === "squash") {
      jobs.push({ sha: commit.sha, base: commit.parents[0] ?? null, diff: commit.sha });
    } else if (kind.kind === "merge") {
      const [base = "", head = ""] = commit.parents;
      const mergeBase = traces.get(commit.sha)?.mergeBase ?? (await findMergeBase(base, head, git));
      jobs.push({ sha: commit.sha, base, diff: `${head} ${mergeBase ?? base}` });
    }
  }
  const [files, settings] = await Promise.all([readDiffs(jobs, git), readSettings(jobs, git)]);
  const sizes = new Map<string, SizeCount>();
  let invalid = 0;
  jobs.forEach((job, index) => {
    const setting = settings[index] as Setting;
    if (setting.invalid) invalid += 1;
    sizes.set(job.sha, countSize(files[index] ?? [], setting.gitattributes, setting));
  });
  if (invalid > 0) {
    notes.push(
      invalid === 1
        ? `1 pull request was merged while ${CONFIG_PATH} was invalid: its size leaves out only lockfiles and generated or vendored files.`
        : `${invalid} pull requests were merged while ${CONFIG_PATH} was invalid: their sizes leave out only lockfiles and generated or vendored files.`,
    );
  }
  return { sizes, notes };
}

/**
 * git's answer where the graph could not say; null when the branches share no history (GitHub
 * cannot open such a pull request, but git can merge it): it is then measured from the base.
 */
async function findMergeBase(base: string, head: string, git: GitRunOptions) {
  const result = await runGit(["merge-base", base, head], { ...git, okCodes: [1] });
  return result.code === 0 ? result.stdout.toString("utf8").trim() : null;
}

async function readDiffs(jobs: readonly Job[], git: GitRunOptions): Promise<SizedFile[][]> {
  const diffs: SizedFile[][] = [];
  if (jobs.length === 0) return diffs;
  const reader = createNumstatReader((diff) => {
    const job = jobs[diffs.length];
    if (job === undefined || !job.diff.startsWith(diff.commit)) {
      throw new Error(`git diff-tree answered ${diff.commit} for ${job?.diff ?? "nothing"}`);
    }
    diffs.push(diff.files);
  });
  // The same detection as the size rule's diff (cli/git/read-changes.ts): renames and copies.
  const args = ["diff-tree", "--stdin", "--always", "--root", "-z", "--numstat", "-M", "-C"];
  const input = `${jobs.map((job) => job.diff).join("\n")}\n`;
  await streamGit([...args, "--no-ext-diff", "--no-textconv"], { ...git, input }, reader);
  if (diffs.length !== jobs.length) {
    throw new Error(`git diff-tree answered ${diffs.length} of ${jobs.length} diffs`);
  }
  return diffs;
}

interface Setting {
  exclude: string[];
  gitattributes: string | null;
  invalid: boolean;
}

async function readSettings(jobs: readonly Job[], git: GitRunOptions): Promise<Setting[]> {
  const specs = jobs.flatMap((job) =>
    job.base === null ? [] : [`${job.base}:${CONFIG_PATH}`, `${job.base}:.gitattributes`],
  );
  const objects = await readObjects(specs, git);
  // Most pull requests share a config text: parse each text once.
  const parsed = new Map<string, { exclude: string[]; invalid: boolean }>();
  let next = 0;
  return jobs.map((job) => {
    if (job.base === null) return { exclude: [], gitattributes: null, invalid: false };
    const config = objects[next]?.toString("utf8") ?? null;
    const gitattributes = objects[next + 1]?.toString("utf8") ?? null;
    next += 2;
    const key = config ?? "\0absent";
    let setting = parsed.get(key);
    if (setting === undefined) {
      const result = parseConfig(config, CONFIG_PATH);
      setting = result.ok
        ? { exclude: result.config.rules.size.exclude, invalid: false }
        : { exclude: [], invalid: true };
      parsed.set(key, setting);
    }
    return { ...setting, gitattributes };
  });
}
