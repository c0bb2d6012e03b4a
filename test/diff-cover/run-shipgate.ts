// Test helper: runs shipgate's own pipeline on a case repository, as the CLI does:
// git diff (with the CLI's own arguments) → parseDiff → parseCoverage → the coverage rule.
import { readFileSync } from "node:fs";
import { diffArgs } from "../../cli/git/read-changes.js";
import { basename } from "node:path";
import { coverageRuleSchema } from "../../shared/core/rules/coverage/schema.js";
import { parseCoverage } from "../../shared/core/coverage/parse-coverage.js";
import { parseDiff } from "../../shared/core/diff/parse-diff.js";
import { coverageRule } from "../../shared/core/rules/coverage/coverage.js";
import type { CoverageFacts, RuleResult } from "../../shared/core/types.js";
import { makeFacts, makeRuleContext } from "../builders/make-facts.js";
import type { CaseRepo } from "./make-case-repo.js";
import type { CoverageOutcome } from "./run-diff-cover.js";

export function runShipgate(repo: CaseRepo): { outcome: CoverageOutcome; result: RuleResult } {
  const files = parseDiff(repo.git(diffArgs("main...HEAD")));
  const coverage: CoverageFacts = { reports: [], errors: [] };
  for (const file of repo.reportFiles) {
    const parsed = parseCoverage(readFileSync(file, "utf8"), basename(file));
    if (parsed.ok) coverage.reports.push(parsed.report);
    else coverage.errors.push(parsed.error);
  }
  const repoFiles = repo.git(["ls-files", "-z"]).split("\0").filter(Boolean);
  const config = coverageRuleSchema().parse({ "min-coverable-lines": 0 });
  const result = coverageRule(makeFacts({ files, coverage, repoFiles }), config, makeRuleContext());
  const metrics = result.metrics as {
    coverableLines: number;
    coveredLines: number;
    uncovered: { path: string; lines: number[] }[];
  };
  return {
    result,
    outcome: {
      coverable: metrics.coverableLines,
      covered: metrics.coveredLines,
      uncovered: metrics.uncovered
        .flatMap(({ path, lines }) => lines.map((line) => `${path}:${line}`))
        .sort(),
    },
  };
}
