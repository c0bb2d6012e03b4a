// Issue and pull request search (`GET /search/issues`), for the qualifiers shipgate sends:
// `repo:`, `is:pr|issue|open|closed`, `draft:`, `author:` (with `app/<slug>` for bots), `in:body`
// or `in:title`, and words or "quoted phrases" matched as text, ignoring case. A qualifier
// outside that list is answered 422, so a test never passes on a query the simulator ignored.
import { buildIssue } from "../build/build-issue.js";
import { paginate } from "../paginate.js";
import { errorResult, ok, sameRepo, type Route } from "../route-kit.js";
import type { IssueRecord, RepoRecord } from "../types.js";

interface Query {
  repo: string | null;
  filters: ((issue: IssueRecord) => boolean)[];
  words: string[];
  fields: ("body" | "title")[];
}

export const searchRoutes: Route[] = [
  {
    method: "GET",
    template: "/search/issues",
    handle(ctx) {
      const parsed = parseQuery(ctx.query.get("q") ?? "");
      if (typeof parsed === "string") return errorResult(422, parsed);
      const repos: RepoRecord[] =
        parsed.repo === null
          ? [...ctx.state.repos.values()]
          : [...ctx.state.repos.values()].filter((r) =>
              sameRepo(
                { owner: parsed.repo?.split("/")[0] ?? "", repo: parsed.repo?.split("/")[1] ?? "" },
                r,
              ),
            );
      const found = repos.flatMap((repo) =>
        [...repo.issues.values()]
          .filter((issue) => parsed.filters.every((f) => f(issue)))
          .filter((issue) => parsed.words.every((w) => matches(issue, w, parsed.fields)))
          .map((issue) => ({ repo, issue })),
      );
      // Newest first (GitHub's "best match" has no meaning here).
      found.sort(
        (a, b) =>
          b.issue.createdAt.localeCompare(a.issue.createdAt) || b.issue.number - a.issue.number,
      );
      const page = paginate(found, ctx.url);
      const items = page.items.map(({ repo, issue }) => {
        const count = ctx.state.comments.filter(
          (c) => sameRepo(c, repo) && c.issueNumber === issue.number,
        ).length;
        // Search answers a missing description as an empty one.
        return { ...buildIssue(repo, issue, count, ctx.build), body: issue.body ?? "", score: 1 };
      });
      return ok(
        { total_count: found.length, incomplete_results: false, items, search_type: "lexical" },
        200,
        page.headers,
      );
    },
  },
];

function matches(issue: IssueRecord, word: string, fields: Query["fields"]): boolean {
  const texts = (fields.length === 0 ? ["title", "body"] : fields).map((f) =>
    f === "title" ? issue.title : (issue.body ?? ""),
  );
  return texts.some((text) => text.toLowerCase().includes(word.toLowerCase()));
}

function parseQuery(q: string): Query | string {
  const query: Query = { repo: null, filters: [], words: [], fields: [] };
  for (const [, quoted, bare] of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (quoted !== undefined) {
      query.words.push(quoted);
      continue;
    }
    const token = bare ?? "";
    const qualifier = /^([a-z-]+):(.+)$/i.exec(token);
    if (qualifier === null) {
      query.words.push(token);
      continue;
    }
    const [, name = "", value = ""] = qualifier;
    const key = `${name.toLowerCase()}:${value.toLowerCase()}`;
    const is: Record<string, (i: IssueRecord) => boolean> = {
      "is:pr": (i) => i.pull !== undefined,
      "is:issue": (i) => i.pull === undefined,
      "is:open": (i) => i.state === "open",
      "is:closed": (i) => i.state === "closed",
      "draft:true": (i) => i.pull?.draft === true,
      "draft:false": (i) => i.pull !== undefined && !i.pull.draft,
    };
    const filter = is[key];
    if (filter !== undefined) query.filters.push(filter);
    else if (name === "repo") query.repo = value;
    else if (name === "author") {
      const login = value.startsWith("app/") ? `${value.slice(4)}[bot]` : value;
      query.filters.push((i) => i.user.login.toLowerCase() === login.toLowerCase());
    } else if (key === "in:body" || key === "in:title")
      query.fields.push(key === "in:body" ? "body" : "title");
    else return `simulator: search qualifier ${token} is not implemented`;
  }
  return query;
}
