// Writes the verdict to the pull request: the sticky comment and the review comments, after the
// head-SHA guard. A read-only token (a fork) costs the comment, never the run.
import * as core from "@actions/core";
import { renderComment } from "../shared/core/render/render-comment.js";
import { renderReviewComments } from "../shared/core/render/render-review-comments.js";
import { statusTone } from "../shared/core/render/status-labels.js";
import type { Verdict } from "../shared/core/types.js";
import { createCommentPublisher } from "../shared/github/create-comment-publisher.js";
import { isTimeLimitError } from "../shared/github/create-time-limited-client.js";
import {
  headerOf,
  messageOf,
  statusOf,
  type GitHubClient,
  type PullRequestRef,
} from "../shared/github/github-client.js";
import { createHeadGuard, StaleHeadError } from "../shared/github/is-current-head.js";
import { ApiAnswerError } from "../shared/github/parse-answer.js";
import { publishReview } from "../shared/github/publish-review.js";
import type { LineSpan } from "../shared/github/read-hunk-spans.js";
import { neutralizeCommands } from "./log-safely.js";
import type { CommentMode } from "./read-inputs.js";

export interface PublishPlan {
  pr: PullRequestRef;
  /** The head the verdict is about. */
  headSha: string;
  verdict: Verdict;
  configNotes: readonly string[];
  comment: CommentMode;
  reviewComments: boolean;
  hunkSpans: ReadonlyMap<string, readonly LineSpan[]>;
  login: () => Promise<string>;
}

export type PublishResult =
  "published" | "nothing-to-write" | "stale-head" | "no-permission" | "error";

export const NO_PERMISSION_LINE =
  "shipgate: no comment was posted: the token cannot write to this pull request (pull requests from forks get a read-only token). The job summary, annotations and exit code still report the result; to comment on fork pull requests, use mode: evaluate and mode: publish (see the README).";

export async function publishToPullRequest(
  client: GitHubClient,
  plan: PublishPlan,
): Promise<PublishResult> {
  const body = renderComment(plan.verdict, {
    configNotes: plan.configNotes,
    fullReportHint: "The full report is in the job summary of the shipgate check.",
  });
  const create =
    plan.comment === "always" || (plan.comment === "auto" && needsAttention(plan.verdict));
  const reviews = plan.reviewComments ? renderReviewComments(plan.verdict) : [];
  if (plan.comment === "never" && reviews.length === 0) return "nothing-to-write";

  const beforeWrite = createHeadGuard(client, plan.pr, plan.headSha);
  let login = plan.login;
  try {
    if (plan.comment !== "never") {
      const publisher = createCommentPublisher(client, plan.pr, { login: plan.login, beforeWrite });
      const result = await publisher.upsert(body, { create });
      const known = result.login;
      if (known !== undefined) login = async () => known;
      core.info(
        `shipgate: comment ${result.action}${result.deleted.length > 0 ? ` (removed ${result.deleted.length} duplicate)` : ""}`,
      );
    }
    if (reviews.length > 0) {
      const outcome = await publishReview(client, { ...plan.pr, headSha: plan.headSha }, reviews, {
        login,
        hunkSpans: plan.hunkSpans,
        beforeWrite,
      });
      core.info(
        `shipgate: review comments: ${outcome.posted.length} posted, ${outcome.alreadyCommented.length} already there, ${outcome.outsideDiff.length} outside the diff, ${outcome.rejected.length} rejected by GitHub`,
      );
    }
    return "published";
  } catch (error) {
    // GitHub not answering in time, or answering with something unusable, fails the run: the
    // verdict may be fine, but what was published (or whether the head moved) is unknown.
    if (isTimeLimitError(error) || error instanceof ApiAnswerError) throw error;
    if (error instanceof StaleHeadError) {
      core.info(
        `shipgate: not publishing: ${error.message}; the run for the newer commit publishes instead.`,
      );
      return "stale-head";
    }
    if (isPermissionDenied(error)) {
      core.info(NO_PERMISSION_LINE);
      return "no-permission";
    }
    core.warning(
      neutralizeCommands(`shipgate: could not publish to the pull request: ${messageOf(error)}`),
    );
    return "error";
  }
}

/** `comment: auto` creates the comment only once something is not passing. */
export function needsAttention(verdict: Verdict): boolean {
  return (
    verdict.conclusion !== "success" ||
    verdict.notes.length > 0 ||
    verdict.rules.some((rule) => !["pass", "skip"].includes(statusTone(rule)))
  );
}

function isPermissionDenied(error: unknown): boolean {
  const rateLimited =
    headerOf(error, "retry-after") !== undefined ||
    headerOf(error, "x-ratelimit-remaining") === "0";
  return statusOf(error) === 403 && !rateLimited;
}
