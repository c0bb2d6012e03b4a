// `shipgate report` on generated histories of 1,000 and 5,000 merged pull requests (goal: 5,000
// in under 10 s): the built CLI as a process, median wall time, and the cost per merge from the
// difference between the two sizes (so process start-up is left out).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { makeReportHistory, type ReportHistory } from "./make-report-history.js";
import { measure } from "./measure.mjs";

const CLI = resolve("bin/shipgate.cjs");
const SIZES = [1000, 5000];
const RUNS = 5;
const GOAL_MS = 10_000;

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** Checks the figures before timing: a fast wrong report is no result. */
function checkFigures(history: ReportHistory, args: string[]): void {
  const out = join(history.dir, "report.json");
  execFileSync("node", [...args, "-o", out], { cwd: history.dir, stdio: "pipe" });
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    pullRequests: { number: number; lines: number; leadTimeHours: number | null }[];
  };
  const got = report.pullRequests.map((pr) => `${pr.number}:${pr.lines}:${pr.leadTimeHours}`);
  const want = history.expected.map((pr) => `${pr.number}:${pr.lines}:${pr.leadTimeHours}`);
  if (got.join() !== want.join()) throw new Error("report bench: the figures are wrong");
}

if (!existsSync("build/cli.cjs")) execFileSync("node", ["scripts/build.mjs", "--cli"]);
console.log("\n## shipgate report on a generated history (built with git fast-import)");
const rows: { merges: number; medianMs: number; peakRssMb: number | null }[] = [];
for (const merges of SIZES) {
  const history = makeReportHistory(merges);
  const args = [
    CLI,
    "report",
    "--format",
    "json",
    "--since",
    iso(history.from),
    "--until",
    iso(history.to),
  ];
  checkFigures(history, args);
  const result = measure("node", args, { cwd: history.dir, runs: RUNS });
  rows.push({ merges, medianMs: result.medianMs, peakRssMb: result.peakRssMb });
  const commits = execFileSync("git", ["-C", history.dir, "rev-list", "--count", "main"], {
    encoding: "utf8",
  }).trim();
  console.log(
    `- ${merges} merged pull requests (${commits} commits): median ${result.medianMs.toFixed(0)} ms over ${RUNS} runs, peak RSS ${result.peakRssMb?.toFixed(0) ?? "?"} MB`,
  );
  rmSync(history.dir, { recursive: true, force: true });
}
const [small, large] = rows as [(typeof rows)[0], (typeof rows)[0]];
const perMerge = (large.medianMs - small.medianMs) / (large.merges - small.merges);
console.log(
  `- per merged pull request: ${perMerge.toFixed(2)} ms (from the difference between the two sizes)`,
);
console.log(
  `- goal: ${large.merges} merges under ${GOAL_MS / 1000} s: ${large.medianMs < GOAL_MS ? "met" : "NOT met"} (${(large.medianMs / 1000).toFixed(1)} s)`,
);
