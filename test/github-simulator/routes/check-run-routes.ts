// Check runs: create, update (annotations accumulate across requests, at most 50 per request as
// GitHub enforces), read, list for a ref, and list annotations.
import { buildCheckRun } from "../build/build-check-run.js";
import { paginate } from "../paginate.js";
import type { CheckRunRecord } from "../types.js";
import { applyCheckRunInput } from "./apply-check-run-input.js";
import {
  bodyOf,
  intParam,
  notFound,
  ok,
  repoOf,
  RouteError,
  sameRepo,
  type Route,
  type RouteContext,
} from "../route-kit.js";

export const checkRunRoutes: Route[] = [
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/check-runs",
    handle(ctx) {
      const repo = repoOf(ctx);
      const input = bodyOf(ctx);
      const run: CheckRunRecord = {
        id: ctx.state.nextId(),
        owner: repo.owner,
        repo: repo.name,
        name: String(input.name),
        headSha: String(input.head_sha),
        status: "queued",
        conclusion: null,
        startedAt: ctx.state.now(),
        completedAt: null,
        detailsUrl: null,
        externalId: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
        app: ctx.caller.app,
      };
      const problem = applyCheckRunInput(run, input, ctx.state.now);
      if (problem) return problem;
      ctx.state.checkRuns.push(run);
      return ok(buildCheckRun(run, ctx.build), 201);
    },
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    handle(ctx) {
      const run = checkRunOf(ctx);
      // Validate on a copy so a rejected update changes nothing.
      const draft = { ...run, output: { ...run.output }, annotations: [...run.annotations] };
      const problem = applyCheckRunInput(draft, bodyOf(ctx), ctx.state.now);
      if (problem) return problem;
      Object.assign(run, draft);
      return ok(buildCheckRun(run, ctx.build));
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    handle: (ctx) => ok(buildCheckRun(checkRunOf(ctx), ctx.build)),
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
    handle(ctx) {
      const run = checkRunOf(ctx);
      const page = paginate(run.annotations, ctx.url);
      const blob = `${ctx.build.html}/${run.owner}/${run.repo}/blob/${run.headSha}`;
      const body = page.items.map((a) => ({
        path: a.path,
        blob_href: `${blob}/${a.path}`,
        start_line: a.start_line,
        end_line: a.end_line,
        start_column: a.start_column ?? null,
        end_column: a.end_column ?? null,
        annotation_level: a.annotation_level,
        title: a.title ?? null,
        message: a.message,
        raw_details: a.raw_details ?? null,
      }));
      return ok(body, 200, page.headers);
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/commits/{ref}/check-runs",
    handle(ctx) {
      const repo = repoOf(ctx);
      const ref = ctx.params.ref ?? "";
      const branchHead = [...repo.issues.values()].find((i) => i.pull?.head.ref === ref)?.pull?.head
        .sha;
      const sha = branchHead ?? ref;
      const name = ctx.query.get("check_name");
      const status = ctx.query.get("status");
      let runs = ctx.state.checkRuns.filter(
        (r) =>
          sameRepo(r, repo) &&
          r.headSha === sha &&
          (!name || r.name === name) &&
          (!status || r.status === status),
      );
      if (ctx.query.get("filter") !== "all") {
        // "latest": only the most recent run of each name.
        runs = runs.filter((r) => !runs.some((other) => other.name === r.name && other.id > r.id));
      }
      runs = [...runs].sort((a, b) => b.id - a.id);
      const page = paginate(runs, ctx.url);
      const check_runs = page.items.map((r) => buildCheckRun(r, ctx.build));
      return ok({ total_count: runs.length, check_runs }, 200, page.headers);
    },
  },
];

function checkRunOf(ctx: RouteContext): CheckRunRecord {
  const repo = repoOf(ctx);
  const id = intParam(ctx, "check_run_id");
  const run = ctx.state.checkRuns.find((r) => r.id === id && sameRepo(r, repo));
  if (!run) throw new RouteError(notFound());
  return run;
}
