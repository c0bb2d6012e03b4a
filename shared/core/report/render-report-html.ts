// The report as one self-contained HTML page: no script, no external style, font or image (a
// Content-Security-Policy says so to the browser), an inline SVG chart with a table beside each,
// light and dark.
import {
  BUCKET_RANGES,
  formatHours,
  formatNumber,
  headline,
  leadTimeCaveat,
  periodLabel,
  shortTitle,
} from "./describe-report.js";
import { escapeHtml } from "./escape-html.js";
import { renderGitHubHtml } from "./render-github-html.js";
import { hoursBySizeSection, section, table } from "./render-html-parts.js";
import { REPORT_PAGE_STYLE } from "./report-page-style.js";
import type { DeliveryReport } from "./report-types.js";
import { renderSvgBarChart } from "./render-svg-bar-chart.js";

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderReportHtml(report: DeliveryReport): string {
  const name = report.repository ?? "repository";
  const title = `Delivery report: ${name}, ${report.branch}, ${periodLabel(report.period)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>Delivery report</h1>
<p class="meta">${escapeHtml(name)} · branch <code>${escapeHtml(report.branch)}</code> · ${escapeHtml(periodLabel(report.period))}</p>
<p>${escapeHtml(headline(report))}</p>
${cards(report)}
</header>
<main>
${weeks(report)}
${sizes(report)}
${leadTimes(report)}
${largest(report)}
${report.metrics.github === null ? "" : renderGitHubHtml(report.metrics.github)}
${notes(report)}
</main>
<footer><p>Made by <code>shipgate report</code>. Sizes are counted as the size rule counts them; the figures are also available as JSON (<code>--format json</code>).</p></footer>
</body>
</html>
`;
}

function cards(report: DeliveryReport): string {
  const { counts, leadTime } = report.metrics;
  const items: [string, string][] = [
    [formatNumber(counts.pullRequests), "pull requests merged"],
    [formatHours(leadTime.medianHours), "median lead time"],
    [formatHours(leadTime.p90Hours), "p90 lead time"],
    [formatNumber(counts.directPushes), "direct pushes"],
  ];
  return `<ul class="cards">${items.map(([figure, label]) => `<li><strong>${escapeHtml(figure)}</strong>${escapeHtml(label)}</li>`).join("")}</ul>`;
}

function weeks(report: DeliveryReport): string {
  const perWeek = report.metrics.perWeek;
  const chart = renderSvgBarChart({
    id: "chart-weeks",
    title: "Pull requests merged per week",
    description: `Bars for ${perWeek.length} weeks, Monday to Sunday (UTC), from ${perWeek[0]?.weekStart ?? "–"}.`,
    categories: perWeek.map((week) => week.weekStart.slice(5)),
    series: [{ name: "merged", values: perWeek.map((week) => week.pullRequests) }],
    unit: "pull requests",
  });
  const rows = perWeek.map((week) => [escapeHtml(week.weekStart), week.pullRequests, week.lines]);
  return section(
    "Pull requests merged per week",
    chart,
    table("Per week", ["Week of", "Merged", "Lines"], rows),
  );
}

function sizes(report: DeliveryReport): string {
  const buckets = report.metrics.sizeBuckets;
  const chart = renderSvgBarChart({
    id: "chart-sizes",
    title: "Pull requests by size",
    description: "Bars for the size buckets XS to XXL, by counted lines.",
    categories: buckets.map((b) => b.bucket),
    series: [{ name: "pull requests", values: buckets.map((b) => b.pullRequests) }],
    unit: "pull requests",
  });
  const rows = buckets.map((b) => [b.bucket, escapeHtml(BUCKET_RANGES[b.bucket]), b.pullRequests]);
  return section(
    "Size",
    chart,
    table("By size", ["Size", "Counted lines", "Pull requests"], rows, ["Counted lines"]),
  );
}

function leadTimes(report: DeliveryReport): string {
  const caveat = leadTimeCaveat(report);
  return hoursBySizeSection({
    heading: "Lead time by size (first commit to merge)",
    chartId: "chart-lead-time",
    chartTitle: "Lead time by size, in hours",
    chartDescription:
      "Median and 90th percentile hours from first commit to merge, for each size bucket.",
    tableCaption: "Lead time by size",
    countColumn: "Pull requests",
    byBucket: report.metrics.leadTime.byBucket,
    after: caveat === null ? "" : `\n<p class="caveat">${escapeHtml(caveat)}</p>`,
  });
}

function largest(report: DeliveryReport): string {
  if (report.metrics.largest.length === 0) return "";
  const rows = report.metrics.largest.map((pr) => [
    pr.url === null ? `#${pr.number}` : `<a href="${escapeHtml(pr.url)}">#${pr.number}</a>`,
    escapeHtml(shortTitle(pr.title)),
    pr.lines,
    pr.files,
  ]);
  return `<section>\n<h2>Largest pull requests</h2>\n${table("By counted lines", ["Pull request", "Title", "Lines", "Files"], rows, ["Title"])}\n</section>`;
}

function notes(report: DeliveryReport): string {
  if (report.notes.length === 0) return "";
  return `<section>\n<h2>Notes</h2>\n<ul>${report.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>\n</section>`;
}
