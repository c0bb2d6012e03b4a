// The head-side line spans of a patch's hunks: the only lines GitHub lets a review comment
// (on the RIGHT side) point at, context lines included.

export interface LineSpan {
  start: number;
  end: number;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

export function readHunkSpans(patch: string): LineSpan[] {
  const spans: LineSpan[] = [];
  for (const line of patch.split("\n")) {
    const match = HUNK_HEADER.exec(line);
    if (match === null) continue;
    const start = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    // `+0,0` is a hunk with no head-side lines (the file's content was all removed).
    if (count > 0) spans.push({ start, end: start + count - 1 });
  }
  return spans;
}
