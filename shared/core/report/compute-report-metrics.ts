// The report's metrics from its pull requests and first-parent counts. Pure: the period is given.
import type { SizeBucket } from "../rules/size/size-bucket.js";
import type {
  Distribution,
  GitHubMetrics,
  ReportMetrics,
  ReportPullRequest,
} from "./report-types.js";

export const SIZE_BUCKETS: readonly SizeBucket[] = ["XS", "S", "M", "L", "XL", "XXL"];
export const LARGEST_COUNT = 10;

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

export interface FirstParentCounts {
  otherMerges: number;
  directPushes: number;
}

export function computeReportMetrics(
  pullRequests: readonly ReportPullRequest[],
  counts: FirstParentCounts,
  period: { from: string; to: string },
  github: GitHubMetrics | null = null,
): ReportMetrics {
  const withLeadTime = pullRequests.filter((pr) => pr.leadTimeHours !== null);
  return {
    counts: {
      pullRequests: pullRequests.length,
      mergeCommits: pullRequests.filter((pr) => pr.kind === "merge").length,
      squashMerges: pullRequests.filter((pr) => pr.kind === "squash").length,
      otherMerges: counts.otherMerges,
      directPushes: counts.directPushes,
    },
    perWeek: perWeek(pullRequests, period),
    sizeBuckets: SIZE_BUCKETS.map((bucket) => ({
      bucket,
      pullRequests: pullRequests.filter((pr) => pr.bucket === bucket).length,
    })),
    leadTime: {
      ...distribution(withLeadTime.map((pr) => pr.leadTimeHours as number)),
      byBucket: SIZE_BUCKETS.map((bucket) => ({
        bucket,
        ...distribution(
          withLeadTime.filter((pr) => pr.bucket === bucket).map((pr) => pr.leadTimeHours as number),
        ),
      })),
    },
    largest: [...pullRequests]
      .sort((a, b) => b.lines - a.lines || a.mergedAt.localeCompare(b.mergedAt))
      .slice(0, LARGEST_COUNT)
      .map(({ number, title, lines, files, url }) => ({ number, title, lines, files, url })),
    github,
  };
}

/** Median: the mean of the two middle values for an even count. p90: nearest rank. */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, medianHours: null, p90Hours: null };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = Number.isInteger(middle)
    ? ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
    : (sorted[Math.floor(middle)] as number);
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1] as number;
  return { count: sorted.length, medianHours: roundHours(median), p90Hours: roundHours(p90) };
}

/** Hours to two decimals, the precision of every hour figure in the report. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Monday 00:00 UTC of the week holding `time` (milliseconds). */
export function weekStart(time: number): number {
  const day = Math.floor(time / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  const sinceMonday = (Math.floor(day / DAY_MS) + 3) % 7;
  return day - ((sinceMonday + 7) % 7) * DAY_MS;
}

/** Monday 00:00 UTC of every week that overlaps the period, in milliseconds. */
export function weeksOf(period: { from: string; to: string }): number[] {
  const first = weekStart(Date.parse(period.from));
  const last = weekStart(Date.parse(period.to) - 1);
  const weeks: number[] = [];
  for (let start = first; start <= last; start += WEEK_MS) weeks.push(start);
  return weeks;
}

/** The index in weeksOf(period) of the week holding an ISO time; -1 outside the period. */
export function weekIndex(period: { from: string; to: string }, time: string): number {
  const index = (weekStart(Date.parse(time)) - weekStart(Date.parse(period.from))) / WEEK_MS;
  return index >= 0 && index < weeksOf(period).length ? index : -1;
}

export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function perWeek(
  pullRequests: readonly ReportPullRequest[],
  period: { from: string; to: string },
): ReportMetrics["perWeek"] {
  const weeks = weeksOf(period).map((start) => ({
    weekStart: isoDay(start),
    pullRequests: 0,
    lines: 0,
  }));
  const first = weekStart(Date.parse(period.from));
  for (const pr of pullRequests) {
    const week = weeks[(weekStart(Date.parse(pr.mergedAt)) - first) / WEEK_MS];
    if (week === undefined) continue;
    week.pullRequests += 1;
    week.lines += pr.lines;
  }
  return weeks;
}
