// The one publisher of a verdict on a pull request, for the Action and the App: the sticky
// comment (created only when decideComment says so) and the inline review comments.
import { decideComment, type CommentMode } from "../core/render/decide-comment.js";
import { renderComment, type CommentOptions } from "../core/render/render-comment.js";
import { reviewRanges } from "../core/render/render-review-comments.js";
import type { Verdict } from "../core/types.js";
import { createCommentPublisher, type UpsertResult } from "./create-comment-publisher.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { publishReview, type ReviewOutcome } from "./publish-review.js";
import type { LineSpan } from "./read-hunk-spans.js";

export interface PublishVerdictRequest {
  pr: PullRequestRef;
  /** The head the verdict is about. */
  headSha: string;
  verdict: Verdict;
  comment: CommentMode;
  reviewComments: boolean;
  /** How the comment reads besides the verdict (config notes, where the full report is). */
  render: CommentOptions;
  hunkSpans: ReadonlyMap<string, readonly LineSpan[]>;
  /** The login the token acts as (the comment's and the reviews' author). */
  login: () => Promise<string>;
  /** Runs before every write; throws to stop it (the head-SHA guard). */
  beforeWrite?: () => Promise<void>;
}

export interface PublishedVerdict {
  /** Null when no comment was wanted. */
  comment: UpsertResult | null;
  /** Null when no review comments were wanted. */
  review: ReviewOutcome | null;
}

export async function publishVerdict(
  client: GitHubClient,
  request: PublishVerdictRequest,
): Promise<PublishedVerdict> {
  const decision = decideComment(request.verdict, request.comment);
  const reviews = request.reviewComments ? reviewRanges(request.verdict) : [];
  const guard = request.beforeWrite === undefined ? {} : { beforeWrite: request.beforeWrite };
  let login = request.login;
  let comment: UpsertResult | null = null;
  if (decision !== "none") {
    const publisher = createCommentPublisher(client, request.pr, { login, ...guard });
    comment = await publisher.upsert(renderComment(request.verdict, request.render), {
      create: decision === "create-or-update",
    });
    const known = comment.login;
    if (known !== undefined) login = async () => known;
  }
  const review =
    reviews.length === 0
      ? null
      : await publishReview(client, { ...request.pr, headSha: request.headSha }, reviews, {
          login,
          hunkSpans: request.hunkSpans,
          ...guard,
        });
  return { comment, review };
}
