// The coverage rule's result when no report was given or found (`missing-report` says how loud
// it is), and the per-report summary the JSON contract carries in every coverage result.
import type { CoverageRuleConfig } from "./schema.js";
import { codeSpan } from "../../render/escape-markdown.js";
import type {
  CoverageFormat,
  CoverageReport,
  CoverageReportError,
  RuleOutcome,
} from "../../facts.js";

/** A changed source file that no report names, and why. */
export interface UnmappedFile {
  path: string;
  reason: string;
}

/** One report as `metrics.reports` lists it. */
export interface ReportSummary {
  path: string;
  format: CoverageFormat | null;
  files: number;
  recordsUsed: number;
  recordsSkipped: number;
  error: string | null;
}

export function missingReportResult(config: CoverageRuleConfig): RuleOutcome<"coverage"> {
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
    summary: "No coverage report found, so patch coverage was not checked",
    details: howToFix,
    metrics: {
      patchCoverage: null,
      coverableLines: 0,
      coveredLines: 0,
      uncovered: [],
      missingFromReports: [],
      unmapped: [],
      reports: [],
      projectCoverage: null,
    },
    findings: [],
  };
}

export function describeReports(
  reports: readonly CoverageReport[],
  errors: readonly CoverageReportError[],
): ReportSummary[] {
  return [
    ...reports.map((report) => ({
      path: report.source,
      format: report.format,
      files: report.files.length,
      recordsUsed: report.recordsUsed,
      recordsSkipped: report.recordsSkipped,
      error: null,
    })),
    ...errors.map((error) => ({
      path: error.source,
      format: null,
      files: 0,
      recordsUsed: 0,
      recordsSkipped: 0,
      error: error.message,
    })),
  ];
}
