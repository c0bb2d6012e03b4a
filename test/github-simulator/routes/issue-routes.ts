// Issues (pull requests included, they share numbers) and the labels on them.
import { buildIssue } from "../build/build-issue.js";
import { buildLabels } from "../build/build-label.js";
import { ensureLabel } from "../seed-records.js";
import { paginate } from "../paginate.js";
import {
  bodyOf,
  errorResult,
  issueOf,
  ok,
  sameRepo,
  type Route,
  type RouteContext,
} from "../route-kit.js";

export const issueRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/{issue_number}",
    handle(ctx) {
      const { repo, issue } = issueOf(ctx);
      const count = ctx.state.comments.filter(
        (c) => sameRepo(c, repo) && c.issueNumber === issue.number,
      ).length;
      return ok(buildIssue(repo, issue, count, ctx.build));
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    handle(ctx) {
      const { repo, issue } = issueOf(ctx);
      const page = paginate(buildLabels(repo, issue.labels, ctx.build), ctx.url);
      return ok(page.items, 200, page.headers);
    },
  },
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    handle(ctx) {
      const { repo, issue } = issueOf(ctx);
      for (const name of labelNames(ctx)) {
        const label = ensureLabel(repo, name, ctx.state.nextId);
        if (!issue.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) {
          issue.labels.push(label.name);
        }
      }
      issue.updatedAt = ctx.state.now();
      return ok(buildLabels(repo, issue.labels, ctx.build));
    },
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
    handle(ctx) {
      const { repo, issue } = issueOf(ctx);
      const wanted = (ctx.params.name ?? "").toLowerCase();
      const index = issue.labels.findIndex((l) => l.toLowerCase() === wanted);
      if (index < 0) return errorResult(404, "Label does not exist");
      issue.labels.splice(index, 1);
      issue.updatedAt = ctx.state.now();
      return ok(buildLabels(repo, issue.labels, ctx.build));
    },
  },
];

/** Accepts every body shape GitHub takes: {labels: [...]}, a bare array, or one string. */
function labelNames(ctx: RouteContext): string[] {
  const raw =
    Array.isArray(ctx.body) || typeof ctx.body === "string" ? ctx.body : bodyOf(ctx).labels;
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  return list.flatMap((item) => {
    if (typeof item === "string") return [item];
    const name = (item as { name?: unknown } | null)?.name;
    return typeof name === "string" ? [name] : [];
  });
}
