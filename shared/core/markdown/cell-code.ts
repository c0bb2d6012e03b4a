// A code span safe inside a markdown table cell: GitHub splits cells at `|` even inside code.
import { codeSpan } from "../render/escape-markdown.js";

export function cellCode(text: string): string {
  return codeSpan(text).replace(/\|/g, "\\|");
}
