// The HTML report's building blocks: a section with a chart and its table side by side, and a
// table whose cells are escaped by the caller (numbers are formatted here).
import { formatNumber } from "./describe-report.js";
import { escapeHtml } from "./escape-html.js";

export type Cell = string | number;

export function section(heading: string, chart: string, table: string, after = ""): string {
  return `<section>\n<h2>${escapeHtml(heading)}</h2>\n<div class="pair">\n<figure>${chart}</figure>\n<div class="scroll">${table}</div>\n</div>${after}\n</section>`;
}

/** Columns after the first are numeric (right-aligned) unless their name is in `text`. */
export function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  text: readonly string[] = [],
): string {
  const numeric = head.map((name, index) => index > 0 && !text.includes(name));
  const cell = (tag: "th" | "td", value: Cell, index: number): string =>
    `<${tag}${numeric[index] ? ' class="n"' : ""}>${typeof value === "number" ? escapeHtml(formatNumber(value)) : value}</${tag}>`;
  const header = head.map((name, index) => cell("th", escapeHtml(name), index)).join("");
  const body = rows.map(
    (row) => `<tr>${row.map((value, i) => cell("td", value, i)).join("")}</tr>`,
  );
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${header}</tr></thead><tbody>${body.join("")}</tbody></table>`;
}
