// Turns one entry of GitHub's "list pull request files" into a ChangedFile. A file the API sent
// without a `patch` is marked patchMissing, so it is reported as not evaluated, never as zero.
import { z } from "zod";
import { parsePatchHunks } from "../core/diff/parse-patch-hunks.js";
import type { ChangedFile, FileStatus } from "../core/types.js";

/** The fields of GitHub's diff-entry that the gate reads. */
export const apiPullRequestFileSchema = z.object({
  filename: z.string().min(1),
  status: z.string(),
  additions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  patch: z.string().nullish(),
  previous_filename: z.string().nullish(),
});

export type ApiPullRequestFile = z.infer<typeof apiPullRequestFileSchema>;

const STATUSES: Record<string, FileStatus> = {
  added: "added",
  removed: "deleted",
  modified: "modified",
  renamed: "renamed",
  copied: "copied",
  // "changed": the mode or type changed; "unchanged": listed without content changes.
  changed: "mode-only",
  unchanged: "mode-only",
};

export function toChangedFile(entry: ApiPullRequestFile): ChangedFile {
  const status = STATUSES[entry.status] ?? "modified";
  const previous = entry.previous_filename ? { previousPath: entry.previous_filename } : {};
  if (typeof entry.patch === "string") {
    const tally = parsePatchHunks(entry.patch);
    return {
      path: entry.filename,
      ...previous,
      status,
      binary: false,
      // The API's counts are authoritative for size; the patch gives the line numbers.
      additions: entry.additions,
      deletions: entry.deletions,
      addedLines: tally.addedLines,
    };
  }
  const changedLines = entry.additions + entry.deletions;
  // With no patch and no line counts, a file whose content changed is binary; a pure rename or a
  // mode change simply has nothing to show.
  const contentChanged = status === "added" || status === "modified" || status === "deleted";
  const binary = changedLines === 0 && contentChanged;
  return {
    path: entry.filename,
    ...previous,
    status,
    binary,
    additions: entry.additions,
    deletions: entry.deletions,
    addedLines: [],
    ...(changedLines > 0 || binary ? { patchMissing: true } : {}),
  };
}
