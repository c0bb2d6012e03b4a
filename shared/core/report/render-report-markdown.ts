// The report as GitHub markdown, for a job summary or an issue: the same figures as the JSON,
// with small inline bar charts. It stays far below GitHub's 65,536-character limit for an issue
// body: week rows, titles and the largest list are capped.
import { codeSpan, escapeMarkdown } from "../render/escape-markdown.js";
import {
  BUCKET_RANGES,
  formatHours,
  formatNumber,
  headline,
  leadTimeCaveat,
  periodLabel,
  shortTitle,
} from "./describe-report.js";
import { renderGitHubMarkdown } from "./render-github-markdown.js";
import type { DeliveryReport } from "./report-types.js";

/** The most weeks listed in markdown; the HTML and JSON have them all. */
export const MAX_MARKDOWN_WEEKS = 26;
const BAR_WIDTH = 20;
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

export function renderReportMarkdown(report: DeliveryReport): string {
  const where = report.repository === null ? "" : `${escapeMarkdown(report.repository)} `;
  return [
    `## Delivery report: ${where}${codeSpan(report.branch)}, ${periodLabel(report.period)}`,
    "",
    // The headline and caveat are shipgate's own words and figures: no user text to escape.
    headline(report),
    ...weeksSection(report),
    ...sizeSection(report),
    ...leadTimeSection(report),
    ...largestSection(report),
    ...(report.metrics.github === null ? [] : renderGitHubMarkdown(report.metrics.github)),
    ...notesSection(report),
  ].join("\n");
}

/** A bar of block characters, in eighths, scaled so `max` fills BAR_WIDTH. */
export function textBar(value: number, max: number): string {
  if (max <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((value / max) * BAR_WIDTH * 8));
  return "█".repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] as string);
}

function weeksSection(report: DeliveryReport): string[] {
  const weeks = report.metrics.perWeek;
  const shown = weeks.slice(-MAX_MARKDOWN_WEEKS);
  const max = Math.max(0, ...shown.map((week) => week.pullRequests));
  return [
    "",
    "### Pull requests merged per week",
    "",
    "| Week of | Merged | Lines | |",
    "|---|--:|--:|---|",
    ...shown.map(
      (week) =>
        `| ${week.weekStart} | ${week.pullRequests} | ${formatNumber(week.lines)} | ${textBar(week.pullRequests, max)} |`,
    ),
    ...(shown.length < weeks.length
      ? ["", `_The ${weeks.length - shown.length} earlier weeks are in the HTML and JSON reports._`]
      : []),
  ];
}

function sizeSection(report: DeliveryReport): string[] {
  const buckets = report.metrics.sizeBuckets;
  const max = Math.max(0, ...buckets.map((b) => b.pullRequests));
  return [
    "",
    "### Size",
    "",
    "| Size | Counted lines | Pull requests | |",
    "|---|---|--:|---|",
    ...buckets.map(
      (b) =>
        `| ${b.bucket} | ${BUCKET_RANGES[b.bucket]} | ${b.pullRequests} | ${textBar(b.pullRequests, max)} |`,
    ),
  ];
}

function leadTimeSection(report: DeliveryReport): string[] {
  const rows = report.metrics.leadTime.byBucket;
  const max = Math.max(0, ...rows.map((row) => row.medianHours ?? 0));
  const caveat = leadTimeCaveat(report);
  return [
    "",
    "### Lead time by size (first commit to merge)",
    "",
    "| Size | Pull requests | Median | p90 | Median |",
    "|---|--:|--:|--:|---|",
    ...rows.map(
      (row) =>
        `| ${row.bucket} | ${row.count} | ${formatHours(row.medianHours)} | ${formatHours(row.p90Hours)} | ${textBar(row.medianHours ?? 0, max)} |`,
    ),
    ...(caveat === null ? [] : ["", `_${caveat}_`]),
  ];
}

function largestSection(report: DeliveryReport): string[] {
  if (report.metrics.largest.length === 0) return [];
  return [
    "",
    "### Largest pull requests",
    "",
    "| Pull request | Title | Lines | Files |",
    "|---|---|--:|--:|",
    ...report.metrics.largest.map((pr) => {
      const name = pr.url === null ? `#${pr.number}` : `[#${pr.number}](${pr.url})`;
      return `| ${name} | ${escapeMarkdown(shortTitle(pr.title))} | ${formatNumber(pr.lines)} | ${pr.files} |`;
    }),
  ];
}

function notesSection(report: DeliveryReport): string[] {
  if (report.notes.length === 0) return [""];
  return ["", "### Notes", "", ...report.notes.map((note) => `- ${escapeMarkdown(note)}`), ""];
}
