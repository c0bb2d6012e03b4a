// The HTML report's building blocks: a section with a chart and its table side by side, a table
// whose cells are escaped by the caller (numbers are formatted here), and the hours-by-size
// section that lead time and time to first review share.
import { formatHours, formatNumber } from "./describe-report.js";
import { escapeHtml } from "./escape-html.js";
import type { SizeBucket } from "../rules/size/size-bucket.js";
import type { Distribution } from "./report-types.js";
import { renderSvgBarChart } from "./render-svg-bar-chart.js";

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

export interface HoursBySize {
  heading: string;
  chartId: string;
  chartTitle: string;
  chartDescription: string;
  tableCaption: string;
  /** The header of the count column ("Pull requests", "Reviewed"). */
  countColumn: string;
  byBucket: readonly (Distribution & { bucket: SizeBucket })[];
  /** Escaped HTML after the pair (a caveat), or "". */
  after?: string;
}

/** Median and p90 hours per size bucket: a bar chart with its table. */
export function hoursBySizeSection(hours: HoursBySize): string {
  const { byBucket } = hours;
  const chart = renderSvgBarChart({
    id: hours.chartId,
    title: hours.chartTitle,
    description: hours.chartDescription,
    categories: byBucket.map((b) => b.bucket),
    series: [
      { name: "median", values: byBucket.map((b) => b.medianHours) },
      { name: "p90", values: byBucket.map((b) => b.p90Hours) },
    ],
    unit: "hours",
  });
  const rows = byBucket.map((b) => [
    b.bucket,
    b.count,
    escapeHtml(formatHours(b.medianHours)),
    escapeHtml(formatHours(b.p90Hours)),
  ]);
  const head = ["Size", hours.countColumn, "Median", "p90"];
  return section(hours.heading, chart, table(hours.tableCaption, head, rows), hours.after);
}
