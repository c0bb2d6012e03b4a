// The coverage rule: the share of changed executable lines that tests run, from merged reports.
// Counting agrees with diff-cover (see test/diff-cover); shipgate maps report paths better.
//
// Choices beyond DESIGN.md "Coverage semantics":
// - Deleted, binary, generated (context.isGenerated) and `exclude`d files are not judged.
// - Fail closed: when reports were given, a changed source file (`include`, not a test, example,
//   doc, script or config file) that no report names fails the rule, with the reason (no report
//   names it, an ambiguous match, a report that could not be read). So does a report that was
//   given but could not be used. Files the API gave no patch for turn a pass into a warn.
// - Uncovered lines group into one finding per range; a range runs across lines no report
//   records as executable (blank lines, comments) and stops at any executable line that is not an
//   uncovered changed line.
import type { CoverageRuleConfig } from "./schema.js";
import { mergeCoverage } from "../../coverage/merge-coverage.js";
import { createGlobMatcher } from "../../exclude/match-glob.js";
import type { UnmatchedCoverageFile } from "../../coverage/map-coverage-paths.js";
import type { CoverageReportError, RuleFinding, RuleStatus } from "../../facts.js";
import { createSourceFileFilter } from "./create-source-file-filter.js";
import { formatLineRanges } from "./line-ranges.js";
import {
  compareStrings,
  isCovered,
  measurePatchCoverage,
  type MeasureOptions,
  type MergedLines,
  type PatchCoverage,
} from "./measure-patch-coverage.js";
import {
  describeReports,
  missingReportResult,
  type UnmappedFile,
} from "./missing-report-result.js";
import { renderCoverageDetails } from "./render-coverage-details.js";
import type { Rule } from "../rule.js";

export const coverageRule: Rule<"coverage", CoverageRuleConfig> = (facts, config, context) => {
  const reports = facts.coverage?.reports ?? [];
  const errors = facts.coverage?.errors ?? [];
  if (reports.length === 0 && errors.length === 0) return missingReportResult(config);

  const isExcluded = createGlobMatcher(config.exclude);
  const judged = facts.files.filter(
    (file) =>
      file.status !== "deleted" &&
      !file.binary &&
      !context.isGenerated(file.path) &&
      !isExcluded(file.path),
  );
  // Without the head's file list, report paths are taken as written (normalised): mapping them
  // onto the changed files alone could pin another file's coverage on a changed file.
  const merged = mergeCoverage(reports, facts.repoFiles ?? [], facts.goModules ?? []);
  const options: MeasureOptions = {
    partialIsCovered: config["partial-branches"] === "covered",
    isSource: createSourceFileFilter(config.include, config.exclude),
  };
  const patch = measurePatchCoverage(
    judged.filter((file) => file.patchMissing !== true),
    merged.files,
    options,
  );
  const unmapped = explainUnmapped(patch.missingFromReports, merged.unmatched, errors);
  const noPatch = judged
    .filter((file) => file.patchMissing === true)
    .map((file) => file.path)
    .sort(compareStrings);
  const project = config["min-project"] === null ? null : projectCoverage(merged.files, options);

  const { coverableLines: coverable, coveredLines: covered } = patch;
  const belowPatch = coverable > 0 && covered * 100 < config["min-patch"] * coverable;
  const grace = belowPatch && coverable < config["min-coverable-lines"];
  const belowProject =
    project !== null &&
    project.executable > 0 &&
    project.covered * 100 < (config["min-project"] ?? 0) * project.executable;
  const cannotJudge = unmapped.length > 0 || errors.length > 0;
  const failing = (belowPatch && !grace) || belowProject || cannotJudge;
  const status: RuleStatus = failing ? "fail" : noPatch.length > 0 ? "warn" : "pass";

  const graceNote = grace
    ? `Only ${coverable} changed ${plural(coverable, "line is", "lines are")} coverable, fewer than ` +
      `the ${config["min-coverable-lines"]} needed to judge patch coverage, so the rule passes.`
    : null;
  const summary = [
    coverable === 0
      ? `No coverable changed lines (${countChanged(judged)} changed, none executable in the coverage reports)`
      : `Patch coverage ${formatPercent(covered, coverable)}% (${covered}/${coverable} lines), minimum ${config["min-patch"]}%` +
        (grace ? `, not judged below ${config["min-coverable-lines"]} coverable lines` : ""),
    project !== null && project.executable > 0
      ? `project coverage ${formatPercent(project.covered, project.executable)}%, minimum ${config["min-project"]}%`
      : null,
    unmapped.length > 0
      ? `${unmapped.length} changed source ${plural(unmapped.length, "file", "files")} not in any coverage report`
      : null,
    errors.length > 0
      ? `${errors.length} ${plural(errors.length, "report", "reports")} could not be used`
      : null,
  ]
    .filter((part) => part !== null)
    .join("; ");

  return {
    id: "coverage",
    status,
    level: config.level,
    summary,
    details: renderCoverageDetails({
      failing,
      graceNote,
      files: patch.files,
      unmapped,
      noPatch,
      errors,
      skipped: reports.filter((report) => report.recordsSkipped > 0),
      unmatched: [...merged.unmatched].sort(
        (a, b) => compareStrings(a.path, b.path) || compareStrings(a.source, b.source),
      ),
    }),
    metrics: {
      patchCoverage: coverable === 0 ? null : Math.round((covered * 10000) / coverable) / 100,
      coverableLines: coverable,
      coveredLines: covered,
      uncovered: patch.files
        .filter((file) => file.uncovered.length > 0)
        .map((file) => ({ path: file.path, lines: file.uncovered })),
      missingFromReports: patch.missingFromReports,
      unmapped,
      reports: describeReports(reports, errors),
      projectCoverage:
        project === null || project.executable === 0
          ? null
          : Math.round((project.covered * 10000) / project.executable) / 100,
    },
    findings: toFindings(patch, failing && config.level === "block" ? "failure" : "warning"),
  };
};

/** Why each changed source file is in no report: the ambiguity that hid it, or what went wrong. */
function explainUnmapped(
  paths: readonly string[],
  unmatched: readonly UnmatchedCoverageFile[],
  errors: readonly CoverageReportError[],
): UnmappedFile[] {
  return paths.map((path) => {
    const ambiguous = unmatched.find((entry) => entry.candidates.includes(path));
    if (ambiguous !== undefined) {
      return {
        path,
        reason:
          `ambiguous: ${ambiguous.source} names ${ambiguous.path}, which matches ` +
          `${ambiguous.candidates.length} files equally well`,
      };
    }
    if (errors.length > 0) {
      const names = errors.map((error) => error.source).join(", ");
      return { path, reason: `no usable report names it (could not use: ${names})` };
    }
    return { path, reason: "no report names it" };
  });
}

function toFindings(
  patch: PatchCoverage,
  severity: RuleFinding<"coverage">["severity"],
): RuleFinding<"coverage">[] {
  return patch.files.flatMap((file) =>
    file.ranges.map((range) => ({
      rule: "coverage" as const,
      path: file.path,
      startLine: range.start,
      endLine: range.end,
      severity,
      title: "Not covered by tests",
      message:
        range.start === range.end
          ? `Changed line ${range.start} is not executed by any test.`
          : `Changed lines ${formatLineRanges([range])} are not executed by any test.`,
    })),
  );
}

/** Line coverage over every file the reports measure that maps onto the repository. */
function projectCoverage(
  files: ReadonlyMap<string, MergedLines>,
  options: MeasureOptions,
): { executable: number; covered: number } {
  let executable = 0;
  let covered = 0;
  for (const merged of files.values()) {
    for (const line of merged.lines.keys()) {
      executable += 1;
      if (isCovered(merged, line, options)) covered += 1;
    }
  }
  return { executable, covered };
}

/** Rounded down to one decimal, so a failing figure never displays as the minimum. */
function formatPercent(part: number, whole: number): string {
  return `${Math.floor((part * 1000) / whole) / 10}`;
}

function countChanged(files: readonly { addedLines: readonly number[] }[]): number {
  return files.reduce((sum, file) => sum + file.addedLines.length, 0);
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
