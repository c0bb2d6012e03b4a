// Pull request reads: the repository's pull requests (by state, head and base, sorted, paginated), the pull
// request, its changed files (paginated, capped at 3,000 like GitHub), and the pull requests
// whose head is a given commit.
import { buildDiffEntry } from "../build/build-diff-entry.js";
import { buildPullRequest } from "../build/build-pull-request.js";
import { paginate } from "../paginate.js";
import { ok, pullOf, repoOf, type Route } from "../route-kit.js";
import type { IssueRecord, PullRecord } from "../types.js";

/** GitHub's "list pull request files" stops at this many files. */
export const MAX_PR_FILES = 3000;

export const pullRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls",
    handle(ctx) {
      const repo = repoOf(ctx);
      const state = ctx.query.get("state") ?? "open";
      const sort = ctx.query.get("sort") ?? "created";
      const field = sort === "updated" ? "updatedAt" : "createdAt";
      // GitHub's default direction: desc for sort=created (the default sort), asc otherwise.
      const direction = ctx.query.get("direction") ?? (sort === "created" ? "desc" : "asc");
      const sign = direction === "asc" ? 1 : -1;
      const head = ctx.query.get("head");
      const base = ctx.query.get("base");
      const pulls = [...repo.issues.values()]
        .filter(
          (i): i is IssueRecord & { pull: PullRecord } =>
            i.pull !== undefined && (state === "all" || i.state === state),
        )
        .filter((i) => head === null || isHead(head, repo.owner, i.pull.head.ref))
        .filter((i) => base === null || i.pull.base.ref === base)
        .sort((a, b) => sign * (a[field].localeCompare(b[field]) || a.number - b.number));
      const page = paginate(pulls, ctx.url);
      return ok(
        page.items.map((issue) => buildPullRequest(repo, issue, ctx.build)),
        200,
        page.headers,
      );
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}",
    handle(ctx) {
      const { repo, issue } = pullOf(ctx);
      return ok(buildPullRequest(repo, issue, ctx.build));
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    handle(ctx) {
      const { repo, issue } = pullOf(ctx);
      const files = issue.pull.files.slice(0, MAX_PR_FILES);
      const page = paginate(files, ctx.url);
      const body = page.items.map((file) =>
        buildDiffEntry(repo, issue.pull.head.sha, file, ctx.build),
      );
      return ok(body, 200, page.headers);
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/commits/{commit_sha}/pulls",
    handle(ctx) {
      const repo = repoOf(ctx);
      const sha = ctx.params.commit_sha ?? "";
      const pulls = [...repo.issues.values()].filter(
        (i): i is IssueRecord & { pull: PullRecord } =>
          i.pull !== undefined && i.pull.head.sha === sha,
      );
      const page = paginate(pulls, ctx.url);
      return ok(
        page.items.map((issue) => buildPullRequest(repo, issue, ctx.build)),
        200,
        page.headers,
      );
    },
  },
];

/** `head=owner:branch` (or `owner` alone): the simulator holds no forks, so every head is the repository owner's. */
function isHead(filter: string, owner: string, ref: string): boolean {
  const [user = "", branch] = filter.split(":", 2);
  return user.toLowerCase() === owner.toLowerCase() && (branch === undefined || branch === ref);
}
