// Assembles the delivery report from the branch's first-parent commits in the period, what their
// merges brought in, and each pull request's size. Pure: the adapter read all of it from git.
import type { SizeCount } from "../rules/size/count-size.js";
import type { CommitKind } from "./classify-commit.js";
import { computeReportMetrics, roundHours } from "./compute-report-metrics.js";
import { computeGitHubMetrics } from "./compute-github-metrics.js";
import type {
  DeliveryReport,
  GitHubFacts,
  GitHubPullRequestDetails,
  ReportPullRequest,
} from "./report-types.js";
import type { MergeTrace } from "./trace-merges.js";

export interface MainlineCommit {
  sha: string;
  parents: readonly string[];
  /** Seconds since the epoch. */
  authorTime: number;
  commitTime: number;
  subject: string;
  body: string;
}

export interface ClassifiedCommit {
  commit: MainlineCommit;
  kind: CommitKind;
}

export interface ReportInput {
  repository: string | null;
  branch: string;
  period: { from: string; to: string };
  /** The first-parent commits merged in the period, newest first. */
  commits: readonly ClassifiedCommit[];
  traces: ReadonlyMap<string, MergeTrace>;
  /** Counted size per pull request, by the sha of the commit that merged it. */
  sizes: ReadonlyMap<string, SizeCount>;
  notes: readonly string[];
  /** What GitHub said, by pull request number (`--github`); null without it. */
  github?: { facts: ReadonlyMap<number, GitHubFacts>; requests: number } | null;
}

export function buildDeliveryReport(input: ReportInput): DeliveryReport {
  const pullRequests: ReportPullRequest[] = [];
  let otherMerges = 0;
  let directPushes = 0;
  for (const { commit, kind } of input.commits) {
    if (kind.kind === "other-merge") otherMerges += 1;
    else if (kind.kind === "direct") directPushes += 1;
    else pullRequests.push(toPullRequest(commit, kind, input));
  }
  pullRequests.sort((a, b) => a.mergedAt.localeCompare(b.mergedAt) || a.number - b.number);
  const github =
    input.github === null || input.github === undefined
      ? null
      : computeGitHubMetrics(pullRequests, input.period, input.github.requests);
  return {
    version: 1,
    repository: input.repository,
    branch: input.branch,
    period: input.period,
    pullRequests,
    metrics: computeReportMetrics(
      pullRequests,
      { otherMerges, directPushes },
      input.period,
      github,
    ),
    notes: [...input.notes],
  };
}

function toPullRequest(
  commit: MainlineCommit,
  kind: Extract<CommitKind, { kind: "merge" | "squash" }>,
  input: ReportInput,
): ReportPullRequest {
  const size = input.sizes.get(commit.sha);
  if (size === undefined) throw new Error(`no size was measured for ${commit.sha}`);
  const lead = leadTime(commit, kind.kind, input.traces.get(commit.sha));
  return {
    number: kind.number,
    title: kind.title,
    mergedAt: isoTime(commit.commitTime),
    kind: kind.kind,
    sha: commit.sha,
    lines: size.lines,
    files: size.files,
    excludedFiles: size.excludedFiles,
    bucket: size.bucket,
    leadTimeHours: lead === null ? null : lead.hours,
    leadTimeBasis: lead === null ? null : lead.basis,
    commits: kind.kind === "merge" ? (input.traces.get(commit.sha)?.commits ?? 0) : null,
    url: pullRequestUrl(input.repository, kind.number),
    github: withReviewHours(input.github?.facts.get(kind.number)),
  };
}

/**
 * A merge commit: from the earliest author date of the commits it brought in. A squash merge:
 * from its own author date when that is earlier than the commit date (a rebase or a squash that
 * kept the first commit's date); otherwise git cannot tell. A clock skew never makes it negative.
 */
function leadTime(
  commit: MainlineCommit,
  kind: "merge" | "squash",
  trace: MergeTrace | undefined,
): { hours: number; basis: ReportPullRequest["leadTimeBasis"] & string } | null {
  const start = kind === "merge" ? (trace?.firstAuthorTime ?? null) : commit.authorTime;
  if (start === null || (kind === "squash" && start >= commit.commitTime)) return null;
  const hours = roundHours(Math.max(0, commit.commitTime - start) / 3600);
  return { hours, basis: kind === "merge" ? "first-commit" : "squash-author-date" };
}

function withReviewHours(facts: GitHubFacts | undefined): GitHubPullRequestDetails | null {
  if (facts === undefined) return null;
  const hours =
    facts.firstReviewAt === null
      ? null
      : roundHours(
          Math.max(0, Date.parse(facts.firstReviewAt) - Date.parse(facts.openedAt)) / 3600000,
        );
  return { ...facts, firstReviewHours: hours };
}

/** Each part is encoded: a remote URL is user input, and the link lands in markdown and HTML. */
function pullRequestUrl(repository: string | null, number: number): string | null {
  if (repository === null) return null;
  // encodeURIComponent leaves ( ) ! ' * alone; a ) would end a markdown link early.
  const encode = (part: string) =>
    encodeURIComponent(part).replace(
      /[!'()*]/g,
      (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  const path = repository.split("/").map(encode).join("/");
  return `https://github.com/${path}/pull/${number}`;
}

export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
