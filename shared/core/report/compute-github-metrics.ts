// The report's GitHub figures: time to first review (by size), each rule's outcomes and their
// weekly trend, and every override, from the pull requests' GitHub details.
import { RULE_IDS } from "../rules/rule-definitions.js";
import {
  distribution,
  SIZE_BUCKETS,
  weekIndex,
  weeksOf,
  isoDay,
} from "./compute-report-metrics.js";
import type { GitHubMetrics, ReportPullRequest, RuleOutcomeCounts } from "./report-types.js";

export function computeGitHubMetrics(
  pullRequests: readonly ReportPullRequest[],
  period: { from: string; to: string },
  requests: number,
): GitHubMetrics {
  const known = pullRequests.filter((pr) => pr.github !== null);
  const reviewed = known.filter((pr) => pr.github?.firstReviewHours !== null);
  const hours = (prs: readonly ReportPullRequest[]) =>
    prs.map((pr) => pr.github?.firstReviewHours as number);
  return {
    requests,
    pullRequests: known.length,
    firstReview: {
      ...distribution(hours(reviewed)),
      byBucket: SIZE_BUCKETS.map((bucket) => ({
        bucket,
        ...distribution(hours(reviewed.filter((pr) => pr.bucket === bucket))),
      })),
    },
    rules: RULE_IDS.map((rule) => ruleCounts(rule, known, period)),
    overrides: known.flatMap((pr) =>
      (pr.github?.overrides ?? []).map((override) => ({ number: pr.number, ...override })),
    ),
  };
}

function ruleCounts(
  rule: RuleOutcomeCounts["rule"],
  pullRequests: readonly ReportPullRequest[],
  period: { from: string; to: string },
): RuleOutcomeCounts {
  const counts: RuleOutcomeCounts = {
    rule,
    pass: 0,
    warn: 0,
    fail: 0,
    skip: 0,
    pending: 0,
    overridden: 0,
    perWeek: weeksOf(period).map((start) => ({
      weekStart: isoDay(start),
      pass: 0,
      warn: 0,
      fail: 0,
    })),
  };
  for (const pr of pullRequests) {
    const outcome = pr.github?.rules?.find((row) => row.rule === rule)?.outcome;
    if (outcome === undefined) continue;
    counts[outcome] += 1;
    const week = counts.perWeek[weekIndex(period, pr.mergedAt)];
    if (week !== undefined && (outcome === "pass" || outcome === "warn" || outcome === "fail")) {
      week[outcome] += 1;
    }
  }
  return counts;
}
