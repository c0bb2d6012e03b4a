// Counts the changed lines that coverage reports record as executable, and which of them ran.
import type { ChangedFile } from "../../facts.js";
import { toLineRanges, type LineRange } from "./line-ranges.js";

/** One repository file's merged line records (hits add up across reports). */
export interface MergedLines {
  lines: ReadonlyMap<number, number>;
  partialLines: ReadonlySet<number>;
}

export interface FilePatchCoverage {
  path: string;
  /** Changed lines the reports record as executable. */
  coverable: number;
  /** Changed coverable lines no test executed, ascending. */
  uncovered: number[];
  /** `uncovered` grouped: a range runs across lines no report records as executable. */
  ranges: LineRange[];
}

export interface PatchCoverage {
  /** Files the reports know, sorted by path. */
  files: FilePatchCoverage[];
  coverableLines: number;
  coveredLines: number;
  /** Changed source files no report mentions, sorted. */
  missingFromReports: string[];
}

export interface MeasureOptions {
  /** A line whose branches were only partly taken still counts as covered (diff-cover does). */
  partialIsCovered: boolean;
  /** Files that look like code the reports should have measured. */
  isSource: (path: string) => boolean;
}

export function measurePatchCoverage(
  files: readonly ChangedFile[],
  coverage: ReadonlyMap<string, MergedLines>,
  options: MeasureOptions,
): PatchCoverage {
  const result: PatchCoverage = {
    files: [],
    coverableLines: 0,
    coveredLines: 0,
    missingFromReports: [],
  };
  const sorted = [...files].sort((a, b) => compareStrings(a.path, b.path));
  for (const file of sorted) {
    const merged = coverage.get(file.path);
    if (merged === undefined) {
      if (file.addedLines.length > 0 && options.isSource(file.path)) {
        result.missingFromReports.push(file.path);
      }
      continue;
    }
    const coverable = file.addedLines.filter((line) => merged.lines.has(line));
    const uncovered = coverable.filter((line) => !isCovered(merged, line, options));
    result.coverableLines += coverable.length;
    result.coveredLines += coverable.length - uncovered.length;
    result.files.push({
      path: file.path,
      coverable: coverable.length,
      uncovered,
      ranges: toLineRanges(uncovered, [...merged.lines.keys()]),
    });
  }
  return result;
}

export function isCovered(merged: MergedLines, line: number, options: MeasureOptions): boolean {
  const hits = merged.lines.get(line) ?? 0;
  return hits > 0 && (options.partialIsCovered || !merged.partialLines.has(line));
}

/** Code-unit order, the same on every machine (localeCompare is not). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
