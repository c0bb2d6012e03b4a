// Sends the inline comments on uncovered ranges as one review. Ranges already commented on by us
// in an earlier run are skipped, lines outside the diff never sent, and a review carries at most
// MAX_REVIEW_COMMENTS comments (the first by path and line; its body says how many more there are,
// which the check run shows). If GitHub rejects the review (422), it is split
// until the rejected comments are isolated, so they sink nothing else.
import { z } from "zod";
import { parseRangeMarker, type LineRange } from "../core/render/range-marker.js";
import {
  renderReviewComment,
  type ReviewComment,
  type ReviewRange,
} from "../core/render/render-review-comments.js";
import { statusOf, type GitHubClient, type PullRequestRef } from "./github-client.js";
import { fitToDiff } from "./fit-to-diff.js";
import { listAllPages } from "./list-all-pages.js";
import type { LineSpan } from "./read-hunk-spans.js";

export interface ReviewTarget extends PullRequestRef {
  /** The commit the comments are about: the head the verdict was computed for. */
  headSha: string;
}

export interface PublishReviewOptions {
  login: string | (() => Promise<string>);
  /** Head-side hunk spans per path (from listPullRequestFiles). */
  hunkSpans: ReadonlyMap<string, readonly LineSpan[]>;
  body?: string;
  /** Runs before the first write; throw to stop it (the head-SHA guard goes here). */
  beforeWrite?: () => Promise<void>;
  /** The most comments one review carries (default MAX_REVIEW_COMMENTS). */
  maxComments?: number;
  /** Uncovered ranges beyond the ones given (see MAX_PUBLISHED_RANGES): counted, never posted. */
  unlisted?: number;
}

export interface ReviewOutcome {
  posted: ReviewComment[];
  /** Already commented on in an earlier run. */
  alreadyCommented: ReviewRange[];
  /** No line of the range is in the diff. */
  outsideDiff: ReviewRange[];
  /** New ranges past the review's limit: not commented on (the review's body counts them). */
  overLimit: ReviewRange[];
  /** GitHub refused these even alone. */
  rejected: ReviewComment[];
  /** Reviews created (more than one only after a 422). */
  reviews: number;
}

/**
 * Inline comments are for reading, one by one, in the diff: past a few dozen they bury the
 * conversation (and each is a notification line), so a review carries at most this many.
 */
export const MAX_REVIEW_COMMENTS = 50;

const apiReviewCommentSchema = z.object({
  body: z.string().optional(),
  path: z.string().optional(),
  user: z.object({ login: z.string() }).nullable(),
});

const DEFAULT_BODY =
  "shipgate: some changed lines are not run by any test; see the comments on them.";

export async function publishReview(
  client: GitHubClient,
  target: ReviewTarget,
  ranges: readonly ReviewRange[],
  options: PublishReviewOptions,
): Promise<ReviewOutcome> {
  const outcome: ReviewOutcome = {
    posted: [],
    alreadyCommented: [],
    outsideDiff: [],
    overLimit: [],
    rejected: [],
    reviews: 0,
  };
  const placed: { range: ReviewRange; at: LinePlacement }[] = [];
  for (const range of ranges) {
    const at = fitToDiff(range, options.hunkSpans.get(range.path) ?? []);
    if (at) placed.push({ range, at });
    else outcome.outsideDiff.push(range);
  }
  if (placed.length === 0) return outcome;

  const login = typeof options.login === "string" ? options.login : await options.login();
  const earlier = await listOurRanges(client, target, login);
  const fresh = placed.filter(({ range }) => {
    const seen = isCommented(range, earlier);
    if (seen) outcome.alreadyCommented.push(range);
    return !seen;
  });
  const max = Math.max(1, options.maxComments ?? MAX_REVIEW_COMMENTS);
  outcome.overLimit = fresh.slice(max).map(({ range }) => range);
  // Only the comments this review carries are rendered.
  const chosen = fresh
    .slice(0, max)
    .map(({ range, at }) => ({ range, comment: renderReviewComment(range, at) }));
  const more = outcome.overLimit.length + Math.max(0, options.unlisted ?? 0);
  const body = [
    options.body ?? DEFAULT_BODY,
    ...(more > 0
      ? [
          `${more.toLocaleString("en")} more uncovered range${more === 1 ? " is" : "s are"} not commented on here (at most ${max} comments a review); see the shipgate check run.`,
        ]
      : []),
  ].join("\n\n");

  const post = async (batch: Chosen[]): Promise<void> => {
    try {
      await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
        owner: target.owner,
        repo: target.repo,
        pull_number: target.number,
        commit_id: target.headSha,
        event: "COMMENT",
        body,
        comments: batch.map((item) => item.comment),
      });
      outcome.posted.push(...batch.map((item) => item.comment));
      outcome.reviews++;
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      if (batch.length === 1) {
        outcome.rejected.push(...batch.map((item) => item.comment));
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await post(batch.slice(0, half));
      await post(batch.slice(half));
    }
  };

  if (chosen.length === 0) return outcome;
  await options.beforeWrite?.();
  try {
    await post(chosen);
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status < 500) throw error;
    // The answer was lost, not necessarily the review: send only what is still missing, once.
    const settled = new Set([...outcome.posted, ...outcome.rejected]);
    const remaining = chosen.filter((item) => !settled.has(item.comment));
    const now = await listOurRanges(client, target, login);
    const commented = (item: Chosen) => isCommented(item.range, now);
    outcome.posted.push(...remaining.filter(commented).map((item) => item.comment));
    const missing = remaining.filter((item) => !commented(item));
    if (missing.length > 0) await post(missing);
  }
  return outcome;
}

interface Chosen {
  range: ReviewRange;
  comment: ReviewComment;
}

type LinePlacement = NonNullable<ReturnType<typeof fitToDiff>>;

/** Our earlier comments' ranges, by path. */
type CommentedRanges = ReadonlyMap<string, readonly LineRange[]>;

async function listOurRanges(
  client: GitHubClient,
  target: PullRequestRef,
  login: string,
): Promise<CommentedRanges> {
  const me = login.toLowerCase();
  const all = await listAllPages(
    client,
    "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
    { owner: target.owner, repo: target.repo, pull_number: target.number },
    apiReviewCommentSchema,
  );
  const byPath = new Map<string, LineRange[]>();
  for (const c of all) {
    if (c.user?.login.toLowerCase() !== me) continue;
    const range = parseRangeMarker(c.body ?? "");
    if (range === null) continue;
    const list = byPath.get(range.path);
    if (list) list.push(range);
    else byPath.set(range.path, [range]);
  }
  return byPath;
}

/** A range counts as commented on when an earlier comment of ours overlaps it in the same file. */
function isCommented(range: LineRange, earlier: CommentedRanges): boolean {
  return (earlier.get(range.path) ?? []).some(
    (e) => e.startLine <= range.endLine && range.startLine <= e.endLine,
  );
}
