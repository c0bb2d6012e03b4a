// Counts the lines of unified-diff hunks. A hunk ends when the line counts of its `@@` header are
// used up, not when a line "looks like" a header: `++x` and `--- y` inside a hunk are content.
import type { TextLines } from "./text-lines.js";

export interface HunkTally {
  additions: number;
  deletions: number;
  /** Head-side line numbers of `+` lines, ascending. */
  addedLines: number[];
}

interface HunkHeader {
  oldCount: number;
  newStart: number;
  newCount: number;
}

// Anchored, with no nested quantifiers: linear time on any input.
const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

const SPACE = 0x20;
const PLUS = 0x2b;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;
const CR = 0x0d;
const AT = 0x40;

export function emptyTally(): HunkTally {
  return { additions: 0, deletions: 0, addedLines: [] };
}

/** Parses `@@ -a,b +c,d @@ ...`; a missing count means 1, as in `@@ -3 +3 @@`. */
export function parseHunkHeader(line: string): HunkHeader | null {
  const match = HUNK_HEADER.exec(line);
  if (match === null) return null;
  return {
    oldCount: match[1] === undefined ? 1 : Number(match[1]),
    newStart: Number(match[2]),
    newCount: match[3] === undefined ? 1 : Number(match[3]),
  };
}

/**
 * Reads consecutive hunks starting at line `start` into `tally`.
 * Returns the index of the first line that belongs to no hunk.
 */
export function readHunks(lines: TextLines, start: number, tally: HunkTally): number {
  let i = start;
  for (;;) {
    // Only a line starting with `@` can be a header: no other line is copied out to be tested.
    const header =
      i < lines.count && lines.firstCode(i) === AT ? parseHunkHeader(lines.line(i)) : null;
    if (header === null) return i;
    i += 1;
    let oldLeft = header.oldCount;
    let newLeft = header.newCount;
    let newLine = header.newStart;
    while (i < lines.count && (oldLeft > 0 || newLeft > 0)) {
      // An empty line is a context line whose trailing space an editor or mailer stripped.
      const code = lines.firstCode(i);
      const first = code === -1 || (code === CR && lines.lengthOf(i) === 1) ? SPACE : code;
      if (first === PLUS) {
        tally.additions += 1;
        tally.addedLines.push(newLine);
        newLine += 1;
        newLeft -= 1;
      } else if (first === MINUS) {
        tally.deletions += 1;
        oldLeft -= 1;
      } else if (first === SPACE) {
        newLine += 1;
        oldLeft -= 1;
        newLeft -= 1;
      } else if (first !== BACKSLASH) {
        // Not hunk syntax: the hunk was cut short (truncated patch). Let the caller resume here.
        return i;
      }
      i += 1;
    }
    // `\ No newline at end of file` follows the last line it is about, after the counts run out.
    while (i < lines.count && lines.firstCode(i) === BACKSLASH) i += 1;
  }
}
