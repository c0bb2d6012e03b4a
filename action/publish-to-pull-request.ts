// Writes the verdict to the pull request: the sticky comment and the review comments, after the
// head-SHA guard. A read-only token (a fork) costs the comment, never the run.
import * as core from "@actions/core";
import type { CommentMode } from "../shared/core/render/decide-comment.js";
import { renderPublication } from "../shared/core/render/render-publication.js";
import type { Verdict } from "../shared/core/types.js";
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
import { publishVerdict } from "../shared/github/publish-verdict.js";
import type { LineSpan } from "../shared/github/read-hunk-spans.js";
import { neutralizeCommands } from "./log-safely.js";

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
  "shipgate: no comment was posted: the token cannot write to this pull request (pull requests from forks get a read-only token). The job summary, annotations and exit code still report the result; to comment on fork pull requests, use mode: evaluate and mode: publish (see Pull requests from forks in docs/action.md).";

export async function publishToPullRequest(
  client: GitHubClient,
  plan: PublishPlan,
): Promise<PublishResult> {
  if (plan.comment === "never" && !plan.reviewComments) return "nothing-to-write";
  try {
    const published = await publishVerdict(client, {
      pr: plan.pr,
      headSha: plan.headSha,
      publication: renderPublication(plan.verdict, {
        comment: plan.comment,
        reviewComments: plan.reviewComments,
        render: {
          configNotes: plan.configNotes,
          fullReportHint: "The full report is in the job summary of the shipgate check.",
        },
      }),
      hunkSpans: plan.hunkSpans,
      login: plan.login,
      beforeWrite: createHeadGuard(client, plan.pr, plan.headSha),
    });
    const { comment, review } = published;
    if (comment === null && review === null) return "nothing-to-write";
    if (comment !== null) {
      const removed = comment.deleted.length;
      core.info(
        `shipgate: comment ${comment.action}${removed > 0 ? ` (removed ${removed} duplicate)` : ""}`,
      );
    }
    if (review !== null) {
      core.info(
        `shipgate: review comments: ${review.posted.length} posted, ${review.alreadyCommented.length} already there, ${review.outsideDiff.length} outside the diff, ${review.overLimit.length} over the limit of a review, ${review.rejected.length} rejected by GitHub`,
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

function isPermissionDenied(error: unknown): boolean {
  const rateLimited =
    headerOf(error, "retry-after") !== undefined ||
    headerOf(error, "x-ratelimit-remaining") === "0";
  return statusOf(error) === 403 && !rateLimited;
}
