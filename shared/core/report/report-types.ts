// The delivery report's data: what `shipgate report --format json` prints (a versioned contract,
// docs/report.md) and what the markdown and HTML renderers draw.
import type { RuleId } from "../types.js";
import type { SizeBucket } from "../rules/size/size-bucket.js";
import type { RuleOutcome } from "./read-rule-table.js";

/** How the pull request reached the branch: a GitHub merge commit or a squash merge. */
export type MergeKind = "merge" | "squash";

/**
 * `first-commit`: from the author date of the pull request's earliest commit (merge commits).
 * `squash-author-date`: a squash commit keeps one author date; git cannot see the commits that
 * were squashed, so this is from that date, a lower bound (0 when the tool reset it).
 */
export type LeadTimeBasis = "first-commit" | "squash-author-date";

export interface ReportPullRequest {
  number: number;
  title: string;
  /** ISO 8601, UTC: the committer date of the merge or squash commit on the branch. */
  mergedAt: string;
  kind: MergeKind;
  /** The commit on the branch that merged it. */
  sha: string;
  /** Changed lines and files as the `size` rule counts them, with the config at the base. */
  lines: number;
  files: number;
  excludedFiles: number;
  bucket: SizeBucket;
  /** Hours from the first commit to the merge, two decimals; null when git cannot tell. */
  leadTimeHours: number | null;
  leadTimeBasis: LeadTimeBasis | null;
  /** Commits the pull request brought in (merge commits); null for squash merges. */
  commits: number | null;
  /** A link to the pull request when the repository is known, else null. */
  url: string | null;
  /** What GitHub says about it (`--github`); null without --github or when GitHub did not answer. */
  github: GitHubPullRequestDetails | null;
}

export interface ReportOverride {
  rule: RuleId;
  /** The login of who lifted the rule. */
  by: string;
  /** ISO 8601. */
  at: string;
  reason: string;
}

/** Read from the GitHub API by the adapter. */
export interface GitHubFacts {
  /** ISO 8601: when the pull request was opened. */
  openedAt: string;
  author: string;
  /** The first submitted review by someone other than the author, or null. */
  firstReviewAt: string | null;
  /** Each rule's outcome on the head commit; null when shipgate left no check run or comment. */
  rules: { rule: RuleId; outcome: RuleOutcome }[] | null;
  rulesFrom: "check-run" | "comment" | null;
  overrides: ReportOverride[];
}

export interface GitHubPullRequestDetails extends GitHubFacts {
  /** Hours from opening to the first review, two decimals; null without a review. */
  firstReviewHours: number | null;
}

export interface RuleOutcomeCounts {
  rule: RuleId;
  /** Pull requests whose head had each outcome. */
  pass: number;
  warn: number;
  fail: number;
  skip: number;
  pending: number;
  overridden: number;
  /** Every week of the period: how many pull requests merged that week passed, warned, failed. */
  perWeek: { weekStart: string; pass: number; warn: number; fail: number }[];
}

export interface GitHubMetrics {
  /** API requests the report made. */
  requests: number;
  /** Pull requests GitHub gave details for. */
  pullRequests: number;
  /** Hours from opening to the first review by someone other than the author. */
  firstReview: Distribution & { byBucket: (Distribution & { bucket: SizeBucket })[] };
  /** One entry per rule, in the gate's order. */
  rules: RuleOutcomeCounts[];
  /** Every override on a merged pull request, oldest merge first. */
  overrides: (ReportOverride & { number: number })[];
}

export interface Distribution {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface ReportMetrics {
  counts: {
    pullRequests: number;
    mergeCommits: number;
    squashMerges: number;
    /** First-parent merges that are not GitHub pull request merges. */
    otherMerges: number;
    /** First-parent commits that are neither merges nor squash merges. */
    directPushes: number;
  };
  /** Every week of the period, Monday 00:00 UTC first, including empty weeks. */
  perWeek: { weekStart: string; pullRequests: number; lines: number }[];
  /** Every bucket, XS to XXL, including empty ones. */
  sizeBuckets: { bucket: SizeBucket; pullRequests: number }[];
  leadTime: Distribution & { byBucket: (Distribution & { bucket: SizeBucket })[] };
  /** The largest pull requests by counted lines, at most ten. */
  largest: { number: number; title: string; lines: number; files: number; url: string | null }[];
  /** Figures only GitHub knows (`--github`), else null. */
  github: GitHubMetrics | null;
}

export interface DeliveryReport {
  version: 1;
  /** `owner/name` from the origin remote, or null. */
  repository: string | null;
  branch: string;
  /** ISO 8601, UTC; `from` inclusive, `to` exclusive. */
  period: { from: string; to: string };
  pullRequests: ReportPullRequest[];
  metrics: ReportMetrics;
  /** What the figures could not include, and why. */
  notes: string[];
}
