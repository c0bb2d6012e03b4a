// Counts one file's `patch` as GitHub's API returns it: only `@@` hunks, no `diff --git` header.
import { emptyTally, readHunks, type HunkTally } from "./read-hunks.js";
import { splitLines } from "./text-lines.js";

export function parsePatchHunks(patch: string): HunkTally {
  const lines = splitLines(patch);
  const tally = emptyTally();
  let i = 0;
  while (i < lines.count) {
    const next = readHunks(lines, i, tally);
    // Anything between hunks that is not hunk syntax is skipped rather than trusted.
    i = next === i ? i + 1 : next;
  }
  return tally;
}
