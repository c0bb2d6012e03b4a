// Collects line records per report path while a parser runs; same-path records add up.
import type { FileCoverage } from "../types.js";

export interface FileCoverageTable {
  /** The record for `path`, created empty on first use. */
  file(path: string): FileCoverage;
  /** Every file, in first-seen order, with partial lines limited to executed lines. */
  files(): FileCoverage[];
}

export function createFileCoverageTable(): FileCoverageTable {
  const byPath = new Map<string, FileCoverage>();
  return {
    file(path) {
      let entry = byPath.get(path);
      if (entry === undefined) {
        entry = { path, lines: new Map(), partialLines: new Set() };
        byPath.set(path, entry);
      }
      return entry;
    },
    files() {
      const all = [...byPath.values()];
      for (const entry of all) {
        // A line whose branches were partly taken must itself have run; anything else is noise.
        for (const line of entry.partialLines) {
          if (!((entry.lines.get(line) ?? 0) > 0)) entry.partialLines.delete(line);
        }
      }
      return all;
    },
  };
}

/** Adds `hits` to a line's count (a line seen twice in one report ran both times). */
export function addHits(file: FileCoverage, line: number, hits: number): void {
  file.lines.set(line, (file.lines.get(line) ?? 0) + hits);
}
