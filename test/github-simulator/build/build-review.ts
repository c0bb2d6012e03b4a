// Builds pull-request-review and pull-request-review-comment objects.
import type { ReviewCommentRecord, ReviewRecord } from "../types.js";
import { buildUser } from "./build-user.js";
import { nodeId, type BuildContext } from "./context.js";

export function buildReview(review: ReviewRecord, ctx: BuildContext) {
  const full = `${review.owner}/${review.repo}`;
  const pullUrl = `${ctx.api}/repos/${full}/pulls/${review.pullNumber}`;
  const html = `${ctx.html}/${full}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: nodeId("PullRequestReview", review.id),
    user: buildUser(review.user, ctx),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    ...(review.state === "PENDING" ? {} : { submitted_at: review.submittedAt }),
    commit_id: review.commitId,
    author_association: "CONTRIBUTOR",
  };
}

export function buildReviewComment(
  comment: ReviewCommentRecord,
  diffHunk: string,
  ctx: BuildContext,
) {
  const full = `${comment.owner}/${comment.repo}`;
  const url = `${ctx.api}/repos/${full}/pulls/comments/${comment.id}`;
  const pullUrl = `${ctx.api}/repos/${full}/pulls/${comment.pullNumber}`;
  const html = `${ctx.html}/${full}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  return {
    url,
    id: comment.id,
    node_id: nodeId("PullRequestReviewComment", comment.id),
    pull_request_review_id: comment.reviewId,
    diff_hunk: diffHunk,
    path: comment.path,
    // position/line are non-nullable in the description even though GitHub sends nulls.
    position: comment.position ?? 1,
    original_position: comment.position ?? 1,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    user: buildUser(comment.user, ctx),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.createdAt,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: "CONTRIBUTOR",
    _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
    line: comment.line ?? 1,
    original_line: comment.line ?? 1,
    start_line: comment.startLine ?? null,
    original_start_line: comment.startLine ?? null,
    side: comment.side,
    start_side: comment.startLine === undefined ? null : comment.side,
    subject_type: "line",
  };
}
