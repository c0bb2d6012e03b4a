// Finds a named section (e.g. "Rollout") in a pull request body and returns its lines.
import { findHeadings, type Heading } from "./find-headings.js";
import { splitLines } from "./split-lines.js";

export interface Section {
  /** The heading as written (trimmed). */
  heading: string;
  level: number;
  /** Index of the heading line in the body's lines. */
  line: number;
  /** The lines under the heading, up to the next heading of the same or a higher level. */
  lines: string[];
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LEADING_NON_WORD = /^[^\p{L}\p{N}]+/u;

/** Lower-cased heading text without emphasis, leading emoji/punctuation or a trailing colon. */
export function normalizeHeading(text: string): string {
  const plain = text
    .replace(/[*_`~]/g, "")
    .trim()
    .replace(LEADING_NON_WORD, "");
  // A loop, not /[\s:]+$/: that pattern is quadratic on long runs of spaces.
  let end = plain.length;
  while (end > 0 && (plain[end - 1] === ":" || (plain[end - 1] ?? "").trim() === "")) end -= 1;
  return plain.slice(0, end).toLowerCase();
}

/** "Rollout" matches `Rollout`, `Rollout plan`, `Rollout / rollback`, not `Rollouts`. */
function headingMatches(heading: string, names: readonly string[]): boolean {
  const text = normalizeHeading(heading);
  return names.some((name) => {
    if (name === "" || !text.startsWith(name)) return false;
    const next = text[name.length];
    return next === undefined || !WORD_CHAR.test(next);
  });
}

/**
 * The next heading of the same or a higher level. Bold labels with text after them
 * (`**Rollback:** revert`) are fields: they end only a section started by another such label.
 */
function sectionEnd(headings: readonly Heading[], from: number, total: number): number {
  const start = headings[from - 1] as Heading;
  const endsAtLabels = start.rest !== undefined;
  for (let i = from; i < headings.length; i += 1) {
    const heading = headings[i] as Heading;
    if ((endsAtLabels || heading.rest === undefined) && heading.level <= start.level) {
      return heading.line;
    }
  }
  return total;
}

/**
 * The first section whose heading (ATX, setext or a bold line) starts with one of `names`,
 * case-insensitively. Does not strip HTML comments: callers do that first.
 */
export function findSection(body: string, names: readonly string[]): Section | null {
  const wanted = names.map(normalizeHeading);
  const lines = splitLines(body);
  const headings = findHeadings(lines);
  const index = headings.findIndex((heading) => headingMatches(heading.text, wanted));
  const start = headings[index];
  if (start === undefined) return null;
  const end = sectionEnd(headings, index + 1, lines.length);
  const content = lines.slice(start.contentStart, Math.max(end, start.contentStart));
  return {
    heading: (lines[start.line] ?? start.text).trim(),
    level: start.level,
    line: start.line,
    lines: start.rest === undefined ? content : [start.rest, ...content],
  };
}
