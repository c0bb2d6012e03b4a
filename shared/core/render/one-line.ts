// Squeezes rule-written markdown (a summary, a note) onto one line of bounded length, so a table
// row, a list item or a paragraph cannot be broken or blown up by it.
import { cutToFit } from "./measure-text.js";
import { neutralizeMarkup } from "./neutralize-markup.js";

/** Longest one-line text a renderer embeds, in UTF-16 code units. */
export const MAX_LINE_CHARS = 1000;

/** Line starts that would open a block (fence, heading, quote, list, rule) instead of text. */
const BLOCK_START = /^(?:`{3,}|~{3,}|#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|[-*_](?:\s*[-*_]){2,}\s*$)/;

/**
 * `text.replace(/\s*\n\s*\/g, " ")`: each line break with the whitespace around it becomes one
 * space. By hand: that regex is quadratic on a long run of spaces (60,000 take 3 s), and a
 * summary quotes pull request text.
 */
export function joinLines(text: string): string {
  if (!text.includes("\n")) return text;
  const parts = text.split("\n");
  const last = parts.length - 1;
  const kept: string[] = [];
  parts.forEach((part, i) => {
    const trimmed = i === 0 ? part.trimEnd() : i === last ? part.trimStart() : part.trim();
    if (trimmed !== "" || i === 0 || i === last) kept.push(trimmed);
  });
  return kept.join(" ");
}

export function oneLine(markdown: string, max: number = MAX_LINE_CHARS): string {
  const line = joinLines(neutralizeMarkup(markdown, "inline"))
    .trim()
    .replace(BLOCK_START, (start) => `\\${start}`)
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
  if (line.length <= max) return line;
  let cut = cutToFit(line, max - 1, "utf16").replace(/(?<!\\)(\\\\)*\\$/, "$1");
  // A cut inside a code span would leave its opening backticks unclosed, and the quoted text
  // after them would render as markdown: cut before the span instead.
  const open = firstUnclosedRun(cut);
  if (open >= 0) cut = cut.slice(0, open);
  return `${cut}…`;
}

/** Index of the first backtick run no run of the same length closes (CommonMark), or -1. */
function firstUnclosedRun(text: string): number {
  let i = 0;
  while (i < text.length) {
    if (text[i] === "\\") {
      i += 2;
      continue;
    }
    if (text[i] !== "`") {
      i += 1;
      continue;
    }
    const length = runLength(text, i);
    let j = i + length;
    while (j < text.length && !(text[j] === "`" && runLength(text, j) === length)) {
      j += text[j] === "`" ? runLength(text, j) : 1;
    }
    if (j >= text.length) return i;
    i = j + length;
  }
  return -1;
}

function runLength(text: string, start: number): number {
  let end = start;
  while (text[end] === "`") end += 1;
  return end - start;
}
