// Issue comments: list (paginated), create, read, update, delete. Each handler runs to completion
// before the next request is taken, so creation is atomic.
import { buildIssueComment } from "../build/build-issue-comment.js";
import { paginate } from "../paginate.js";
import type { CommentRecord, RepoRecord } from "../types.js";
import {
  bodyOf,
  intParam,
  issueOf,
  notFound,
  ok,
  repoOf,
  RouteError,
  sameRepo,
  type Route,
  type RouteContext,
} from "../route-kit.js";

export const issueCommentRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    handle(ctx) {
      const { repo, issue } = issueOf(ctx);
      const since = ctx.query.get("since");
      const all = ctx.state.comments.filter(
        (c) =>
          sameRepo(c, repo) && c.issueNumber === issue.number && (!since || c.updatedAt >= since),
      );
      const page = paginate(all, ctx.url);
      const body = page.items.map((c) => buildIssueComment(c, issue.pull !== undefined, ctx.build));
      return ok(body, 200, page.headers);
    },
  },
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    handle(ctx) {
      const { repo, issue } = issueOf(ctx);
      const comment = ctx.state.addComment(
        repo.owner,
        repo.name,
        issue.number,
        String(bodyOf(ctx).body),
        ctx.identity,
      );
      const location = `${ctx.build.api}/repos/${repo.owner}/${repo.name}/issues/comments/${comment.id}`;
      return ok(buildIssueComment(comment, issue.pull !== undefined, ctx.build), 201, { location });
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    handle(ctx) {
      const { repo, comment } = commentOf(ctx);
      return ok(buildIssueComment(comment, isPull(repo, comment), ctx.build));
    },
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    handle(ctx) {
      const { repo, comment } = commentOf(ctx);
      comment.body = String(bodyOf(ctx).body);
      comment.updatedAt = ctx.state.now();
      return ok(buildIssueComment(comment, isPull(repo, comment), ctx.build));
    },
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    handle(ctx) {
      const { comment } = commentOf(ctx);
      ctx.state.comments.splice(ctx.state.comments.indexOf(comment), 1);
      return { status: 204 };
    },
  },
];

function commentOf(ctx: RouteContext): { repo: RepoRecord; comment: CommentRecord } {
  const repo = repoOf(ctx);
  const id = intParam(ctx, "comment_id");
  const comment = ctx.state.comments.find((c) => c.id === id && sameRepo(c, repo));
  if (!comment) throw new RouteError(notFound());
  return { repo, comment };
}

function isPull(repo: RepoRecord, comment: CommentRecord): boolean {
  return repo.issues.get(comment.issueNumber)?.pull !== undefined;
}
