// Pull request reviews and their line comments. A review is all-or-nothing: one comment that
// GitHub could not place fails the whole request with 422 and stores nothing.
import { buildReview, buildReviewComment } from "../build/build-review.js";
import { paginate } from "../paginate.js";
import { bodyOf, ok, pullOf, sameRepo, unprocessable, type Route } from "../route-kit.js";
import type { ReviewRecord } from "../types.js";
import { checkReviewComment, type DraftComment } from "./check-review-comment.js";

const STATES: Record<string, ReviewRecord["state"]> = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED",
};

export const reviewRoutes: Route[] = [
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    handle(ctx) {
      const { repo, issue } = pullOf(ctx);
      const input = bodyOf(ctx);
      const event = typeof input.event === "string" ? input.event : undefined;
      const own = issue.user.login.toLowerCase() === ctx.identity.login.toLowerCase();
      if (own && event === "APPROVE")
        return unprocessable("Unprocessable Entity", ["Can not approve your own pull request"]);
      if (own && event === "REQUEST_CHANGES") {
        return unprocessable("Unprocessable Entity", [
          "Can not request changes on your own pull request",
        ]);
      }
      const drafts = (Array.isArray(input.comments) ? input.comments : []) as DraftComment[];
      const errors = drafts.flatMap((draft) => checkReviewComment(draft, issue.pull.files) ?? []);
      if (errors.length > 0) return unprocessable("Unprocessable Entity", errors);

      const at = ctx.state.now();
      const review: ReviewRecord = {
        id: ctx.state.nextId(),
        owner: repo.owner,
        repo: repo.name,
        pullNumber: issue.number,
        user: ctx.identity,
        body: typeof input.body === "string" ? input.body : "",
        state: (event === undefined ? undefined : STATES[event]) ?? "PENDING",
        commitId: typeof input.commit_id === "string" ? input.commit_id : issue.pull.head.sha,
        submittedAt: at,
      };
      ctx.state.reviews.push(review);
      for (const draft of drafts) {
        ctx.state.reviewComments.push({
          id: ctx.state.nextId(),
          reviewId: review.id,
          owner: repo.owner,
          repo: repo.name,
          pullNumber: issue.number,
          path: draft.path,
          body: draft.body,
          side: draft.side ?? "RIGHT",
          ...(draft.line === undefined ? {} : { line: draft.line }),
          ...(draft.start_line === undefined ? {} : { startLine: draft.start_line }),
          ...(draft.position === undefined ? {} : { position: draft.position }),
          commitId: review.commitId,
          user: ctx.identity,
          createdAt: at,
        });
      }
      return ok(buildReview(review, ctx.build));
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    handle(ctx) {
      const { repo, issue } = pullOf(ctx);
      const all = ctx.state.reviews.filter(
        (r) => sameRepo(r, repo) && r.pullNumber === issue.number,
      );
      const page = paginate(all, ctx.url);
      return ok(
        page.items.map((r) => buildReview(r, ctx.build)),
        200,
        page.headers,
      );
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
    handle(ctx) {
      const { repo, issue } = pullOf(ctx);
      const all = ctx.state.reviewComments.filter(
        (c) => sameRepo(c, repo) && c.pullNumber === issue.number,
      );
      const page = paginate(all, ctx.url);
      const hunk = (path: string) => issue.pull.files.find((f) => f.filename === path)?.patch ?? "";
      return ok(
        page.items.map((c) => buildReviewComment(c, hunk(c.path), ctx.build)),
        200,
        page.headers,
      );
    },
  },
];
