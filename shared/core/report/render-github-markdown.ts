// The markdown report's GitHub sections (`--github`): time to first review by size, each rule's
// outcomes with a weekly trend, and the overrides. Capped like the rest of the report.
import { escapeMarkdown } from "../render/escape-markdown.js";
import { formatHours, shortTitle } from "./describe-report.js";
import type { GitHubMetrics } from "./report-types.js";

/** The most overrides listed in markdown; the JSON has them all. */
export const MAX_MARKDOWN_OVERRIDES = 50;
const SPARKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
const TREND_WEEKS = 26;

export function renderGitHubMarkdown(github: GitHubMetrics): string[] {
  return [...reviewSection(github), ...rulesSection(github), ...overridesSection(github)];
}

/** One block character per value, scaled to the largest; a space for 0. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((value) =>
      value === 0 || max === 0
        ? " "
        : (SPARKS[Math.min(7, Math.ceil((value / max) * 8) - 1)] as string),
    )
    .join("");
}

function reviewSection(github: GitHubMetrics): string[] {
  const { firstReview } = github;
  return [
    "",
    "### Time to first review, by size",
    "",
    `From opening to the first review by someone other than the author: median ${formatHours(firstReview.medianHours)}, p90 ${formatHours(firstReview.p90Hours)} (${firstReview.count} reviewed of ${github.pullRequests} read from GitHub).`,
    "",
    "| Size | Reviewed | Median | p90 |",
    "|---|--:|--:|--:|",
    ...firstReview.byBucket.map(
      (b) =>
        `| ${b.bucket} | ${b.count} | ${formatHours(b.medianHours)} | ${formatHours(b.p90Hours)} |`,
    ),
  ];
}

function rulesSection(github: GitHubMetrics): string[] {
  return [
    "",
    "### shipgate's verdict on merged heads",
    "",
    "| Rule | Pass | Warn | Fail | Skipped | Pending | Overridden | Warn or fail per week |",
    "|---|--:|--:|--:|--:|--:|--:|---|",
    ...github.rules.map((r) => {
      const trend = r.perWeek.slice(-TREND_WEEKS).map((week) => week.warn + week.fail);
      return `| \`${r.rule}\` | ${r.pass} | ${r.warn} | ${r.fail} | ${r.skip} | ${r.pending} | ${r.overridden} | \`${sparkline(trend)}\` |`;
    }),
  ];
}

function overridesSection(github: GitHubMetrics): string[] {
  if (github.overrides.length === 0) return [];
  const shown = github.overrides.slice(0, MAX_MARKDOWN_OVERRIDES);
  const more = github.overrides.length - shown.length;
  return [
    "",
    "### Overrides",
    "",
    "| Pull request | Rule | By | Reason | At |",
    "|---|---|---|---|---|",
    ...shown.map(
      (o) =>
        `| #${o.number} | \`${o.rule}\` | ${escapeMarkdown(o.by)} | ${escapeMarkdown(shortTitle(o.reason))} | ${escapeMarkdown(o.at.slice(0, 16))} |`,
    ),
    ...(more > 0 ? ["", `_${more} more overrides are in the JSON report._`] : []),
  ];
}
