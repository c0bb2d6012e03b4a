// Test helper: runs Debian's diff-cover (7.4) on a case repository and reads its JSON report.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type { CaseRepo } from "./make-case-repo.js";

const run = promisify(execFile);

/** What both tools must agree on: counts, and the uncovered lines as `path:line`. */
export interface CoverageOutcome {
  coverable: number;
  covered: number;
  uncovered: string[];
}

export type DiffCoverResult =
  { ok: true; outcome: CoverageOutcome } | { ok: false; exitCode: number; stderr: string };

interface DiffCoverJson {
  src_stats: Record<string, { violation_lines: number[] }>;
  total_num_lines: number;
  total_num_violations: number;
}

export async function runDiffCover(repo: CaseRepo): Promise<DiffCoverResult> {
  const out = join(dirname(repo.dir), "diff-cover.json");
  try {
    await run(
      "diff-cover",
      [...repo.reportFiles, "--compare-branch=main", "--json-report", out, "-q"],
      { cwd: repo.dir, env: repo.env },
    );
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    return { ok: false, exitCode: failure.code ?? -1, stderr: failure.stderr ?? String(error) };
  }
  const json = JSON.parse(await readFile(out, "utf8")) as DiffCoverJson;
  return {
    ok: true,
    outcome: {
      coverable: json.total_num_lines,
      covered: json.total_num_lines - json.total_num_violations,
      uncovered: Object.entries(json.src_stats)
        .flatMap(([path, stats]) => stats.violation_lines.map((line) => `${path}:${line}`))
        .sort(),
    },
  };
}
