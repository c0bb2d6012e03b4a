// Merges parsed reports into one line map per repository file. Hits from every report and record
// add up; files that map to no repository file are listed, never dropped.
import type { CoverageReport, FileCoverage, GoModule } from "../facts.js";
import { mapCoveragePaths, type UnmatchedCoverageFile } from "./map-coverage-paths.js";
import { createRepoPathIndex } from "./repo-path-index.js";

export interface MergedFileCoverage {
  /** line -> hits summed over every report. */
  lines: Map<number, number>;
  /**
   * Lines some report saw partly branched and no report saw fully branched. Two reports that each
   * took a different branch still leave the line partial: reports do not say which branch ran.
   */
  partialLines: Set<number>;
}

export interface MergedCoverage {
  /** Keyed by repository path (or by normalised report path when the file list is unknown). */
  files: Map<string, MergedFileCoverage>;
  unmatched: UnmatchedCoverageFile[];
}

/** `repoFiles` empty means unknown: report paths are then used as they are, normalised. */
export function mergeCoverage(
  reports: readonly CoverageReport[],
  repoFiles: readonly string[],
  goModules: readonly GoModule[] = [],
): MergedCoverage {
  const index = createRepoPathIndex(repoFiles);
  const files = new Map<string, MergedFileCoverage>();
  // The report files merged into each repository file: a line stays partial only when none of
  // them ran it fully, which is asked for the few partial lines, not recorded for every line.
  const sources = new Map<string, FileCoverage[]>();
  const unmatched: UnmatchedCoverageFile[] = [];
  for (const report of reports) {
    const mapping = mapCoveragePaths(report, index, goModules);
    unmatched.push(...mapping.unmatched);
    for (const file of report.files) {
      const repoPath = mapping.paths.get(file.path);
      if (repoPath === undefined) continue;
      let merged = files.get(repoPath);
      if (merged === undefined) {
        // The report's own map while it is the only one: copied (never changed) once a second
        // report file adds to it.
        merged = { lines: file.lines, partialLines: new Set() };
        files.set(repoPath, merged);
        sources.set(repoPath, [file]);
      } else {
        if (merged.lines === sources.get(repoPath)?.[0]?.lines)
          merged.lines = new Map(merged.lines);
        for (const [line, hits] of file.lines) {
          merged.lines.set(line, (merged.lines.get(line) ?? 0) + hits);
        }
        sources.get(repoPath)?.push(file);
      }
      for (const line of file.partialLines) {
        if ((file.lines.get(line) ?? 0) > 0) merged.partialLines.add(line);
      }
    }
  }
  for (const [repoPath, merged] of files) {
    for (const line of merged.partialLines) {
      const ranFully = sources
        .get(repoPath)
        ?.some((file) => (file.lines.get(line) ?? 0) > 0 && !file.partialLines.has(line));
      if (ranFully) merged.partialLines.delete(line);
    }
  }
  return { files, unmatched };
}
