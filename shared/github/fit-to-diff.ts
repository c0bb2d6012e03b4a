// Places a review comment inside the diff: GitHub rejects a comment whose lines are not all in
// one hunk, so a range is clipped to the hunk it overlaps, or dropped when it overlaps none.
import type { LineRange } from "../core/render/range-marker.js";
import type { LineSpan } from "./read-hunk-spans.js";

export interface Placement {
  startLine: number;
  endLine: number;
}

export function fitToDiff(range: LineRange, spans: readonly LineSpan[]): Placement | null {
  const { startLine: start, endLine: end } = range;
  const inside = (line: number) => spans.find((span) => span.start <= line && line <= span.end);
  const span =
    inside(end) ?? inside(start) ?? spans.find((s) => s.start <= end && start <= s.end) ?? null;
  if (span === null) return null;
  return { startLine: Math.max(start, span.start), endLine: Math.min(end, span.end) };
}
