// The one publisher of a verdict on a pull request, for the Action and the App: the sticky
// comment (created only when the publication says so) and the inline review comments, from the
// texts renderPublication made.
import type { Publication } from "../core/render/render-publication.js";
import { createCommentPublisher, type UpsertResult } from "./create-comment-publisher.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { publishReview, type ReviewOutcome } from "./publish-review.js";
import type { LineSpan } from "./read-hunk-spans.js";

export interface PublishVerdictRequest {
  pr: PullRequestRef;
  /** The head the verdict is about. */
  headSha: string;
  publication: Publication;
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
  const { comment: wanted, review: reviews } = request.publication;
  const guard = request.beforeWrite === undefined ? {} : { beforeWrite: request.beforeWrite };
  let login = request.login;
  let comment: UpsertResult | null = null;
  if (wanted.decision !== "none" && wanted.body !== null) {
    const publisher = createCommentPublisher(client, request.pr, { login, ...guard });
    comment = await publisher.upsert(wanted.body, {
      create: wanted.decision === "create-or-update",
    });
    const known = comment.login;
    if (known !== undefined) login = async () => known;
  }
  const review =
    reviews.ranges.length === 0
      ? null
      : await publishReview(client, { ...request.pr, headSha: request.headSha }, reviews.ranges, {
          login,
          hunkSpans: request.hunkSpans,
          unlisted: reviews.total - reviews.ranges.length,
          ...guard,
        });
  return { comment, review };
}
