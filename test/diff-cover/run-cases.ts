// Test helper: builds every case's repository, then runs diff-cover (in parallel, it is a
// Python process per case) and shipgate on each.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RuleResult } from "../../shared/core/types.js";
import { describeIfFound, findOnPath } from "../helpers/needs-program.js";
import { makeCaseRepo, type CaseRepo, type CoverageCase } from "./make-case-repo.js";
import { runDiffCover, type CoverageOutcome, type DiffCoverResult } from "./run-diff-cover.js";
import { runShipgate } from "./run-shipgate.js";

export interface CaseRun {
  repo: CaseRepo;
  diffCover: DiffCoverResult;
  shipgate: CoverageOutcome;
  result: RuleResult;
}

export interface CaseRuns {
  get: (name: string) => CaseRun;
  cleanup: () => void;
}

/** `describe` for suites that run diff-cover: skipped with one line where it is missing. */
export function describeWithDiffCover(suite: string): jest.Describe {
  return describeIfFound({
    program: "diff-cover",
    found: findOnPath("diff-cover"),
    suite,
    install: "apt-get install diff-cover (or pipx install diff-cover==7.4.0)",
  });
}

export function assertDiffCoverInstalled(): void {
  try {
    execFileSync("diff-cover", ["--version"], { encoding: "utf8" });
  } catch {
    throw new Error(
      "diff-cover is not installed; these tests compare shipgate with it. Install it with " +
        "`apt-get install -y diff-cover` (Debian/Ubuntu) or `pipx install diff-cover==7.4.0`.",
    );
  }
}

export async function runCases(cases: readonly CoverageCase[]): Promise<CaseRuns> {
  const root = mkdtempSync(join(tmpdir(), "shipgate-diff-cover-"));
  const runs = new Map<string, CaseRun>();
  try {
    await Promise.all(
      cases.map(async (testCase, index) => {
        const caseRoot = join(root, String(index));
        mkdirSync(caseRoot);
        const repo = makeCaseRepo(testCase, caseRoot);
        const diffCover = await runDiffCover(repo);
        const { outcome, result } = runShipgate(repo);
        runs.set(testCase.name, { repo, diffCover, shipgate: outcome, result });
      }),
    );
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    get: (name) => {
      const run = runs.get(name);
      if (run === undefined) throw new Error(`No run for case "${name}"`);
      return run;
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
