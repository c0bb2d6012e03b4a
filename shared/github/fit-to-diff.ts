// Places a review comment inside the diff: GitHub rejects a comment whose lines are not all in
// one hunk, so a range is clipped to the hunk it overlaps, or dropped when it overlaps none.
import type { ReviewComment } from "../core/render/render-review-comments.js";
import type { LineSpan } from "./read-hunk-spans.js";

export function fitToDiff(
  comment: ReviewComment,
  spans: readonly LineSpan[],
): ReviewComment | null {
  const start = comment.start_line ?? comment.line;
  const end = comment.line;
  const inside = (line: number) => spans.find((span) => span.start <= line && line <= span.end);
  const span =
    inside(end) ?? inside(start) ?? spans.find((s) => s.start <= end && start <= s.end) ?? null;
  if (span === null) return null;
  const from = Math.max(start, span.start);
  const to = Math.min(end, span.end);
  const { start_line: _start, start_side: _side, ...single } = comment;
  if (from === to) return { ...single, line: to };
  return { ...single, line: to, start_line: from, start_side: "RIGHT" };
}
