// The coverage rule's markdown details: what is uncovered, what could not be judged, how to fix.
import { codeSpan, escapeMarkdown } from "../../render/escape-markdown.js";
import type { UnmatchedCoverageFile } from "../../coverage/map-coverage-paths.js";
import type { CoverageReport, CoverageReportError } from "../../facts.js";
import { formatLineRanges } from "./line-ranges.js";
import type { FilePatchCoverage } from "./measure-patch-coverage.js";
import type { UnmappedFile } from "./missing-report-result.js";

export interface CoverageDetailsInput {
  failing: boolean;
  graceNote: string | null;
  files: readonly FilePatchCoverage[];
  /** Changed source files no report names, with the reason. */
  unmapped: readonly UnmappedFile[];
  /** Changed files the API gave no patch for. */
  noPatch: readonly string[];
  errors: readonly CoverageReportError[];
  /** Reports with records that could not be used (skipped, the rest still counted). */
  skipped: readonly CoverageReport[];
  unmatched: readonly UnmatchedCoverageFile[];
}

/** Long lists are cut here; the metrics keep everything. */
const MAX_ITEMS = 50;

export function renderCoverageDetails(input: CoverageDetailsInput): string {
  const sections: string[] = [];
  const uncovered = input.files.filter((file) => file.uncovered.length > 0);
  if (input.graceNote !== null) sections.push(input.graceNote);
  if (uncovered.length > 0) {
    sections.push(
      [
        input.failing
          ? "**How to fix:** add tests that execute these changed lines, or, if they are generated " +
            "code, exclude the files with `rules.coverage.exclude` in `.github/shipgate.yml`."
          : "Changed lines no test executes:",
        list(uncovered.map((file) => `${codeSpan(file.path)}: ${formatLineRanges(file.ranges)}`)),
      ].join("\n\n"),
    );
  }
  if (input.unmapped.length > 0) {
    sections.push(
      [
        "**Changed source files not in any coverage report**, so their lines could not be judged. Make " +
          "sure the test run measures them (for Jest, `collectCoverageFrom`) and its report is " +
          "given to shipgate, or exclude them with `rules.coverage.exclude`:",
        list(
          input.unmapped.map((file) => `${codeSpan(file.path)}: ${escapeMarkdown(file.reason)}`),
        ),
      ].join("\n\n"),
    );
  }
  if (input.noPatch.length > 0) {
    sections.push(
      [
        "**Not checked line by line**: GitHub gave no diff for these files (too large):",
        list(input.noPatch.map((path) => codeSpan(path))),
      ].join("\n\n"),
    );
  }
  if (input.errors.length > 0) {
    sections.push(
      [
        "**Coverage reports that could not be used**, so the rule fails: fix or regenerate them, " +
          "or stop giving them to shipgate:",
        list(
          input.errors.map(
            (error) => `${codeSpan(error.source)}: ${escapeMarkdown(error.message)}`,
          ),
        ),
      ].join("\n\n"),
    );
  }
  if (input.skipped.length > 0) {
    sections.push(
      [
        "Records the reports hold that could not be used (skipped; the rest of each report counts):",
        list(
          input.skipped.map(
            (report) =>
              `${codeSpan(report.source)}: ${report.recordsSkipped} skipped` +
              (report.firstSkipped === null
                ? ""
                : `, first: ${escapeMarkdown(report.firstSkipped)}`),
          ),
        ),
      ].join("\n\n"),
    );
  }
  if (input.unmatched.length > 0) {
    sections.push(
      [
        "Report entries that match no file in the repository (ignored). If they should match, " +
          "check the paths the coverage tool writes:",
        list(
          input.unmatched.map(
            (entry) =>
              `${codeSpan(entry.path)} in ${codeSpan(entry.source)}: ${escapeMarkdown(entry.reason)}`,
          ),
        ),
      ].join("\n\n"),
    );
  }
  return sections.join("\n\n");
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, MAX_ITEMS).map((item) => `- ${item}`);
  if (items.length > MAX_ITEMS) shown.push(`- …and ${items.length - MAX_ITEMS} more`);
  return shown.join("\n");
}
