// The coverage rule's result when no report could be used: `missing-report` says how loud it is.
import type { CoverageRuleConfig } from "../config/config-schema.js";
import { codeSpan } from "../render/escape-markdown.js";
import type { CoverageReportError, RuleResult } from "../types.js";
import { renderReportErrors } from "./render-coverage-details.js";

export function missingReportResult(
  config: CoverageRuleConfig,
  errors: readonly CoverageReportError[],
): RuleResult {
  const mode = config["missing-report"];
  const lookedFor =
    config.reports.length === 0
      ? "No report files are configured (`rules.coverage.reports` is empty)."
      : `shipgate looked for ${config.reports.map(codeSpan).join(", ")}.`;
  const howToFix =
    `${lookedFor} Run the tests with coverage before shipgate (for Jest: ` +
    "`jest --coverage --coverageReporters=lcov`) and point `rules.coverage.reports` at the " +
    "report, or set `rules.coverage.missing-report: skip` if this repository has no coverage.";
  return {
    id: "coverage",
    status: mode === "fail" ? "fail" : mode === "warn" ? "warn" : "skip",
    level: config.level,
    summary:
      errors.length > 0
        ? `No usable coverage report (${errors.length} could not be read), so patch coverage was not checked`
        : "No coverage report found, so patch coverage was not checked",
    details: [...(errors.length > 0 ? [renderReportErrors(errors)] : []), howToFix].join("\n\n"),
    metrics: {
      patchCoverage: null,
      coverableLines: 0,
      coveredLines: 0,
      uncovered: [],
      missingFromReports: [],
      reports: 0,
      projectCoverage: null,
    },
    findings: [],
  };
}
