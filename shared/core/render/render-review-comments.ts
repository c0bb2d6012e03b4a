// Review comments on the changed lines no test covers, one per range, each opening with a hidden
// marker naming its range so an adapter can skip ranges it already commented on. The ranges come
// first and cost little; a comment's text is rendered only for the few a review will carry, so a
// pull request with thousands of uncovered ranges costs no more to publish than one with fifty.
import type { LineFinding, Verdict } from "../types.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { cutToFit } from "./measure-text.js";
import { buildRangeMarker, type LineRange } from "./range-marker.js";
import { sanitizePlainText } from "./sanitize-plain-text.js";

export interface ReviewComment {
  path: string;
  /** The last line of the range (GitHub's `line`). */
  line: number;
  /** The first line, for ranges longer than one line. */
  start_line?: number;
  side: "RIGHT";
  start_side?: "RIGHT";
  body: string;
}

/** One uncovered range a review comment may be about (its path as the comment shows it). */
export interface ReviewRange extends LineRange {
  finding: LineFinding;
}

const MAX_TITLE_CHARS = 1000;
const MAX_MESSAGE_CHARS = 60000;

/** The coverage rule's uncovered ranges, by path and line. */
export function reviewRanges(verdict: Verdict): ReviewRange[] {
  return verdict.rules
    .filter((rule) => rule.id === "coverage" && rule.level !== "off")
    .flatMap((rule) => rule.findings.filter((finding) => finding.rule === "coverage"))
    .map(toRange)
    .sort(
      (a, b) =>
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
        a.startLine - b.startLine ||
        a.endLine - b.endLine,
    );
}

function toRange(finding: LineFinding): ReviewRange {
  const startLine = Math.max(1, Math.trunc(Math.min(finding.startLine, finding.endLine)) || 1);
  const endLine = Math.max(
    startLine,
    Math.trunc(Math.max(finding.startLine, finding.endLine)) || 1,
  );
  const path = sanitizePlainText(finding.path).replace(/\n/g, "");
  return { path, startLine, endLine, finding };
}

/**
 * The comment on `range`, placed on the lines `at` (by default the range itself; a range reaching
 * outside its hunk is placed on the part inside). Its marker always names the whole range.
 */
export function renderReviewComment(
  range: ReviewRange,
  at: { startLine: number; endLine: number } = range,
): ReviewComment {
  const { finding, path } = range;
  const message = cutToFit(sanitizePlainText(finding.message), MAX_MESSAGE_CHARS, "utf16")
    .split("\n")
    .map(escapeMarkdown)
    .join("\n");
  const body = [
    buildRangeMarker({ path, startLine: range.startLine, endLine: range.endLine }),
    `**${escapeMarkdown(cutToFit(sanitizePlainText(finding.title), MAX_TITLE_CHARS, "utf16"))}**`,
    "",
    message,
  ].join("\n");
  const line = at.endLine;
  // One line: a single-line comment, without start_line (it must precede line).
  if (at.startLine === line) return { path, line, side: "RIGHT", body };
  return { path, line, side: "RIGHT", start_line: at.startLine, start_side: "RIGHT", body };
}
