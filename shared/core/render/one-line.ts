// Squeezes rule-written markdown (a summary, a note) onto one line of bounded length, so a table
// row, a list item or a paragraph cannot be broken or blown up by it.
import { cutToFit } from "./measure-text.js";
import { neutralizeMarkup } from "./neutralize-markup.js";

/** Longest one-line text a renderer embeds, in UTF-16 code units. */
export const MAX_LINE_CHARS = 1000;

/** Line starts that would open a block (fence, heading, quote, list, rule) instead of text. */
const BLOCK_START = /^(?:`{3,}|~{3,}|#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|[-*_](?:\s*[-*_]){2,}\s*$)/;

export function oneLine(markdown: string, max: number = MAX_LINE_CHARS): string {
  const line = neutralizeMarkup(markdown, "inline")
    .replace(/\s*\n\s*/g, " ")
    .trim()
    .replace(BLOCK_START, (start) => `\\${start}`)
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
  if (line.length <= max) return line;
  const cut = cutToFit(line, max - 1, "utf16").replace(/(?<!\\)(\\\\)*\\$/, "$1");
  return `${cut}…`;
}
