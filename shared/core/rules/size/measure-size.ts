// Splits a pull request's changed files into counted, excluded and not-evaluated, and adds up lines.
import type { ExclusionReason } from "../../exclude/create-exclusion.js";
import type { ChangedFile } from "../../facts.js";

export interface ExcludedFile {
  path: string;
  reason: ExclusionReason;
}

export interface SizeMeasure {
  /** Files that count towards the size (including the not-evaluated ones). */
  counted: ChangedFile[];
  excluded: ExcludedFile[];
  /** Counted text files the API gave no patch for: their line counts may be missing. */
  notEvaluated: ChangedFile[];
  additions: number;
  deletions: number;
  lines: number;
}

/**
 * A renamed file is judged by its head path only: moving a file out of `vendor/` counts.
 * Binary files count as files with no lines; they are not "not evaluated", since no diff could
 * ever give their lines.
 */
export function measureSize(
  files: readonly ChangedFile[],
  exclusionOf: (path: string) => ExclusionReason | null,
): SizeMeasure {
  const measure: SizeMeasure = {
    counted: [],
    excluded: [],
    notEvaluated: [],
    additions: 0,
    deletions: 0,
    lines: 0,
  };
  for (const file of files) {
    const reason = exclusionOf(file.path);
    if (reason !== null) {
      measure.excluded.push({ path: file.path, reason });
      continue;
    }
    measure.counted.push(file);
    if (file.patchMissing === true && !file.binary) measure.notEvaluated.push(file);
    measure.additions += file.additions;
    measure.deletions += file.deletions;
  }
  measure.lines = measure.additions + measure.deletions;
  return measure;
}
