// Sends the inline comments on uncovered ranges as one review. Ranges already commented on by us
// in an earlier run are skipped, and lines outside the diff never sent. If GitHub rejects the
// review (422), it is split until the rejected comments are isolated, so they sink nothing else.
import { z } from "zod";
import { parseRangeMarker, type LineRange } from "../core/render/range-marker.js";
import type { ReviewComment } from "../core/render/render-review-comments.js";
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
}

export interface ReviewOutcome {
  posted: ReviewComment[];
  /** Already commented on in an earlier run. */
  alreadyCommented: ReviewComment[];
  /** No line of the range is in the diff. */
  outsideDiff: ReviewComment[];
  /** GitHub refused these even alone. */
  rejected: ReviewComment[];
  /** Reviews created (more than one only after a 422). */
  reviews: number;
}

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
  comments: readonly ReviewComment[],
  options: PublishReviewOptions,
): Promise<ReviewOutcome> {
  const outcome: ReviewOutcome = {
    posted: [],
    alreadyCommented: [],
    outsideDiff: [],
    rejected: [],
    reviews: 0,
  };
  const placed: ReviewComment[] = [];
  for (const comment of comments) {
    const fitted = fitToDiff(comment, options.hunkSpans.get(comment.path) ?? []);
    if (fitted) placed.push(fitted);
    else outcome.outsideDiff.push(comment);
  }
  if (placed.length === 0) return outcome;

  const login = typeof options.login === "string" ? options.login : await options.login();
  const earlier = await listOurRanges(client, target, login);
  const fresh = placed.filter((comment) => {
    const seen = isCommented(comment, earlier);
    if (seen) outcome.alreadyCommented.push(comment);
    return !seen;
  });

  const post = async (batch: ReviewComment[]): Promise<void> => {
    try {
      await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
        owner: target.owner,
        repo: target.repo,
        pull_number: target.number,
        commit_id: target.headSha,
        event: "COMMENT",
        body: options.body ?? DEFAULT_BODY,
        comments: batch,
      });
      outcome.posted.push(...batch);
      outcome.reviews++;
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      if (batch.length === 1) {
        outcome.rejected.push(...batch);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await post(batch.slice(0, half));
      await post(batch.slice(half));
    }
  };

  if (fresh.length === 0) return outcome;
  await options.beforeWrite?.();
  try {
    await post(fresh);
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status < 500) throw error;
    // The answer was lost, not necessarily the review: send only what is still missing, once.
    const settled = new Set([...outcome.posted, ...outcome.rejected]);
    const remaining = fresh.filter((c) => !settled.has(c));
    const now = await listOurRanges(client, target, login);
    outcome.posted.push(...remaining.filter((c) => isCommented(c, now)));
    const missing = remaining.filter((c) => !isCommented(c, now));
    if (missing.length > 0) await post(missing);
  }
  return outcome;
}

async function listOurRanges(
  client: GitHubClient,
  target: PullRequestRef,
  login: string,
): Promise<LineRange[]> {
  const me = login.toLowerCase();
  const all = await listAllPages(
    client,
    "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
    { owner: target.owner, repo: target.repo, pull_number: target.number },
    apiReviewCommentSchema,
  );
  return all
    .filter((c) => c.user?.login.toLowerCase() === me)
    .flatMap((c) => parseRangeMarker(c.body ?? "") ?? []);
}

/** A range counts as commented on when an earlier comment of ours overlaps it in the same file. */
function isCommented(comment: ReviewComment, earlier: readonly LineRange[]): boolean {
  const range = parseRangeMarker(comment.body) ?? {
    path: comment.path,
    startLine: comment.start_line ?? comment.line,
    endLine: comment.line,
  };
  return earlier.some(
    (e) => e.path === range.path && e.startLine <= range.endLine && range.startLine <= e.endLine,
  );
}
