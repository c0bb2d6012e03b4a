// The size rule's figures without its verdict: what `shipgate report` counts for each merged pull
// request, so a report's lines and files are the ones the gate measured.
import type { SizeRuleConfig } from "./schema.js";
import { createExclusion } from "../../exclude/create-exclusion.js";
import type { ChangedFile } from "../../types.js";
import { measureSize } from "./measure-size.js";
import { sizeBucket, type SizeBucket } from "./size-bucket.js";

/** What the count reads of a changed file; a `git diff --numstat` line carries all of it. */
export type SizedFile = Pick<ChangedFile, "path" | "additions" | "deletions" | "binary">;

export interface SizeCount {
  lines: number;
  files: number;
  excludedFiles: number;
  bucket: SizeBucket;
}

/**
 * The same exclusions as the size rule: lockfiles, then linguist-generated and linguist-vendored
 * paths from `.gitattributes`, then the config's `exclude` globs (test/core/report holds the two
 * to the same figures).
 */
export function countSize(
  files: readonly SizedFile[],
  gitattributes: string | null,
  config: Pick<SizeRuleConfig, "exclude">,
): SizeCount {
  // measureSize reads only the SizedFile fields (and patchMissing, which a local diff never sets).
  const changed = files.map((file): ChangedFile => ({
    ...file,
    status: "modified",
    addedLines: [],
  }));
  const measure = measureSize(changed, createExclusion(gitattributes, config.exclude));
  return {
    lines: measure.lines,
    files: measure.counted.length,
    excludedFiles: measure.excluded.length,
    bucket: sizeBucket(measure.lines),
  };
}
