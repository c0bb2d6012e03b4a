// Reads the branch's history for a period in one `git log` pass: the first-parent commits merged
// in the period, classified, and every commit their merges brought in.
import { classifyCommit } from "../../shared/core/report/classify-commit.js";
import type {
  ClassifiedCommit,
  MainlineCommit,
} from "../../shared/core/report/build-delivery-report.js";
import { createLogReader, LOG_FORMAT } from "../../shared/core/report/parse-log.js";
import { traceMerges, type MergeTrace } from "../../shared/core/report/trace-merges.js";
import { gitText, type GitRunOptions } from "../git/run-git.js";
import { streamGit } from "./stream-git.js";

export interface History {
  /** First-parent commits whose commit date is in the period, newest first. */
  commits: ClassifiedCommit[];
  traces: Map<string, MergeTrace>;
}

/** `from`/`to` in epoch seconds; `to` exclusive. */
export async function readHistory(
  tip: string,
  period: { from: number; to: number },
  git: GitRunOptions,
): Promise<History> {
  // Everything reachable from the last first-parent commit before the period is older than every
  // merge in it: leaving it out bounds the walk, and makes it the edge traceMerges expects.
  const before = (
    await gitText(
      ["rev-list", "--first-parent", "-n", "1", `--before=${isoSeconds(period.from - 1)}`, tip],
      git,
    )
  ).trim();
  // A MainlineCommit is a GraphCommit too: one map serves the walk and the trace.
  const graph = new Map<string, MainlineCommit>();
  const reader = createLogReader((commit) => graph.set(commit.sha, commit));
  await streamGit(
    ["log", "-z", `--format=${LOG_FORMAT}`, tip, ...(before === "" ? [] : [`^${before}`]), "--"],
    git,
    reader,
  );
  const line: string[] = [];
  for (let sha: string | undefined = tip; sha !== undefined && graph.has(sha);) {
    line.push(sha);
    sha = graph.get(sha)?.parents[0];
  }
  const commits = line
    .map((sha) => graph.get(sha) as MainlineCommit)
    .filter((commit) => commit.commitTime >= period.from && commit.commitTime < period.to)
    .map((commit) => ({
      commit,
      kind: classifyCommit(commit.parents.length, commit.subject, commit.body),
    }));
  return { commits, traces: traceMerges(line, graph) };
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
