// The HTML report's GitHub sections (`--github`): time to first review by size, shipgate's
// verdict per rule on merged heads, and the overrides with who, why and which rule.
import { shortTitle } from "./describe-report.js";
import { escapeHtml } from "./escape-html.js";
import { hoursBySizeSection, section, table } from "./render-html-parts.js";
import type { GitHubMetrics } from "./report-types.js";
import { renderSvgBarChart } from "./render-svg-bar-chart.js";

export function renderGitHubHtml(github: GitHubMetrics): string {
  return [reviews(github), rules(github), overrides(github)].join("\n");
}

function reviews(github: GitHubMetrics): string {
  return hoursBySizeSection({
    heading: "Time to first review, by size",
    chartId: "chart-first-review",
    chartTitle: "Time to first review by size, in hours",
    chartDescription:
      "Median and 90th percentile hours from opening to the first review by someone other than the author, for each size bucket.",
    tableCaption: "First review by size",
    countColumn: "Reviewed",
    byBucket: github.firstReview.byBucket,
  });
}

function rules(github: GitHubMetrics): string {
  const chart = renderSvgBarChart({
    id: "chart-rules",
    title: "shipgate's verdict on merged heads, per rule",
    description: "Pull requests whose head passed, warned or failed each rule.",
    categories: github.rules.map((r) => r.rule),
    series: [
      { name: "pass", values: github.rules.map((r) => r.pass) },
      { name: "warn", values: github.rules.map((r) => r.warn) },
      { name: "fail", values: github.rules.map((r) => r.fail) },
    ],
    unit: "pull requests",
  });
  const head = ["Rule", "Pass", "Warn", "Fail", "Skipped", "Pending", "Overridden"];
  const rows = github.rules.map((r) => [
    `<code>${r.rule}</code>`,
    r.pass,
    r.warn,
    r.fail,
    r.skip,
    r.pending,
    r.overridden,
  ]);
  return section("shipgate's verdict on merged heads", chart, table("Per rule", head, rows));
}

function overrides(github: GitHubMetrics): string {
  if (github.overrides.length === 0) return "";
  const rows = github.overrides.map((o) => [
    `#${o.number}`,
    `<code>${o.rule}</code>`,
    escapeHtml(o.by),
    escapeHtml(shortTitle(o.reason)),
    escapeHtml(o.at.slice(0, 16).replace("T", " ")),
  ]);
  const head = ["Pull request", "Rule", "By", "Reason", "At"];
  return `<section>\n<h2>Overrides</h2>\n${table("Who lifted which rule, and why", head, rows, head)}\n</section>`;
}
