// Recognises lines a pull request body copied unchanged from the repository's pull request
// template: they are the template's words, not the author's.
import { splitLines } from "./split-lines.js";
import { stripHtmlComments } from "./strip-html-comments.js";

/**
 * Trimmed, runs of whitespace collapsed, `*`/`+` bullets read as `-`, `[X]` as `[x]`: a line
 * re-typed with another bullet is still the template's line.
 */
export function normalizeTemplateLine(line: string): string {
  return line
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^[*+] /, "- ")
    .replace(/^- \[X\]/, "- [x]");
}

/** True for a non-blank line that appears, normalised, in the template (comments removed). */
export function createTemplateMatcher(template: string | null): (line: string) => boolean {
  if (template === null) return () => false;
  const lines = new Set(splitLines(stripHtmlComments(template)).map(normalizeTemplateLine));
  lines.delete("");
  return (line) => lines.has(normalizeTemplateLine(line));
}
