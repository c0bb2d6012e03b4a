// Review comments on the changed lines no test covers, one per range, each opening with a hidden
// marker naming its range so an adapter can skip ranges it already commented on.
import type { LineFinding, Verdict } from "../types.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { cutToFit } from "./measure-text.js";
import { buildRangeMarker } from "./range-marker.js";
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

const MAX_TITLE_CHARS = 1000;
const MAX_MESSAGE_CHARS = 60000;

export function renderReviewComments(verdict: Verdict): ReviewComment[] {
  return verdict.rules
    .filter((rule) => rule.id === "coverage" && rule.level !== "off")
    .flatMap((rule) => rule.findings.filter((finding) => finding.rule === "coverage"))
    .map(toReviewComment)
    .sort(
      (a, b) =>
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
        (a.start_line ?? a.line) - (b.start_line ?? b.line) ||
        a.line - b.line,
    );
}

function toReviewComment(finding: LineFinding): ReviewComment {
  const startLine = Math.max(1, Math.trunc(Math.min(finding.startLine, finding.endLine)) || 1);
  const endLine = Math.max(
    startLine,
    Math.trunc(Math.max(finding.startLine, finding.endLine)) || 1,
  );
  const path = sanitizePlainText(finding.path).replace(/\n/g, "");
  const message = cutToFit(sanitizePlainText(finding.message), MAX_MESSAGE_CHARS, "utf16")
    .split("\n")
    .map(escapeMarkdown)
    .join("\n");
  const body = [
    buildRangeMarker({ path, startLine, endLine }),
    `**${escapeMarkdown(cutToFit(sanitizePlainText(finding.title), MAX_TITLE_CHARS, "utf16"))}**`,
    "",
    message,
  ].join("\n");
  const comment: ReviewComment = { path, line: endLine, side: "RIGHT", body };
  // One line: a single-line comment, without start_line (it must precede line).
  if (startLine === endLine) return comment;
  return { path, line: endLine, side: "RIGHT", start_line: startLine, start_side: "RIGHT", body };
}
