// The coverage rule's markdown details: what is uncovered, what could not be judged, how to fix.
import { codeSpan, escapeMarkdown } from "../render/escape-markdown.js";
import type { CoverageReportError } from "../types.js";
import { formatLineRanges } from "./line-ranges.js";
import type { FilePatchCoverage } from "./measure-patch-coverage.js";

export interface CoverageDetailsInput {
  failing: boolean;
  graceNote: string | null;
  files: readonly FilePatchCoverage[];
  missingFromReports: readonly string[];
  /** Changed files the API gave no patch for. */
  noPatch: readonly string[];
  errors: readonly CoverageReportError[];
  unmatched: readonly { source: string; path: string }[];
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
  if (input.missingFromReports.length > 0) {
    sections.push(
      [
        "**Not in any coverage report**, so their changed lines were not counted. Make sure the " +
          "test run measures them (for Jest, `collectCoverageFrom`), or exclude them with " +
          "`rules.coverage.exclude`:",
        list(input.missingFromReports.map((path) => codeSpan(path))),
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
  if (input.errors.length > 0) sections.push(renderReportErrors(input.errors));
  if (input.unmatched.length > 0) {
    sections.push(
      [
        "Report entries that match no file in the repository (ignored). If they should match, " +
          "check the paths the coverage tool writes:",
        list(
          input.unmatched.map((entry) => `${codeSpan(entry.path)} in ${codeSpan(entry.source)}`),
        ),
      ].join("\n\n"),
    );
  }
  return sections.join("\n\n");
}

export function renderReportErrors(errors: readonly CoverageReportError[]): string {
  return [
    "**Coverage reports that could not be read** (the others were still used):",
    list(errors.map((error) => `${codeSpan(error.source)}: ${escapeMarkdown(error.message)}`)),
  ].join("\n\n");
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, MAX_ITEMS).map((item) => `- ${item}`);
  if (items.length > MAX_ITEMS) shown.push(`- …and ${items.length - MAX_ITEMS} more`);
  return shown.join("\n");
}
