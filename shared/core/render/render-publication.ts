// What the sticky comment and the review say about a verdict, decided and rendered in one place for
// both adapters. The texts are bounded whatever the verdict's size (a comment fits GitHub's limit,
// a review needs only its first ranges), so the App renders them where the verdict is made and
// only they cross back to its event loop.
import type { Verdict } from "../types.js";
import { decideComment, type CommentDecision, type CommentMode } from "./decide-comment.js";
import { renderComment, type CommentOptions } from "./render-comment.js";
import { reviewRanges, type ReviewRange } from "./render-review-comments.js";

export interface PublicationRequest {
  comment: CommentMode;
  reviewComments: boolean;
  /** How the comment reads besides the verdict (config notes, where the full report is). */
  render: CommentOptions;
}

export interface Publication {
  /** Whether the sticky comment is created or only kept up to date, and its text (none: null). */
  comment: { decision: CommentDecision; body: string | null };
  /** The first uncovered ranges by path and line, and how many there are in all. */
  review: { ranges: ReviewRange[]; total: number };
}

/**
 * A review carries at most 50 comments and skips ranges commented on before: the first thousand
 * ranges are enough for twenty runs' reviews, whatever the pull request's size.
 */
export const MAX_PUBLISHED_RANGES = 1000;

export function renderPublication(verdict: Verdict, request: PublicationRequest): Publication {
  const decision = decideComment(verdict, request.comment);
  const ranges = request.reviewComments ? reviewRanges(verdict) : [];
  return {
    comment: {
      decision,
      body: decision === "none" ? null : renderComment(verdict, request.render),
    },
    review: { ranges: ranges.slice(0, MAX_PUBLISHED_RANGES), total: ranges.length },
  };
}
