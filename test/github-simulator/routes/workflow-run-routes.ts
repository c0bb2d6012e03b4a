// Workflow runs: those of one workflow (by file name or id), filtered by head commit, event and
// status, newest first; and re-running one, which GitHub refuses (403) while it is still running.
// Tests seed runs with state.addWorkflowRun; a re-run is counted on the record (`reruns`).
import { buildRepository } from "../build/build-repository.js";
import { nodeId, type BuildContext } from "../build/context.js";
import { paginate } from "../paginate.js";
import { errorResult, intParam, notFound, ok, repoOf, sameRepo, type Route } from "../route-kit.js";
import type { RepoRecord, WorkflowRunRecord } from "../types.js";

export const workflowRunRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
    handle(ctx) {
      const repo = repoOf(ctx);
      const workflow = ctx.params.workflow_id ?? "";
      const q = (name: string) => ctx.query.get(name);
      const runs = ctx.state.workflowRuns
        .filter((r) => sameRepo(r, repo))
        .filter((r) => String(r.workflowId) === workflow || r.path.split("/").pop() === workflow)
        .filter((r) => q("head_sha") === null || r.headSha === q("head_sha"))
        .filter((r) => q("event") === null || r.event === q("event"))
        .filter((r) => q("status") === null || r.status === q("status"))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
      const page = paginate(runs, ctx.url);
      return ok(
        {
          total_count: runs.length,
          workflow_runs: page.items.map((r) => buildWorkflowRun(repo, r, ctx.build)),
        },
        200,
        page.headers,
      );
    },
  },
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/actions/runs/{run_id}/rerun",
    handle(ctx) {
      const repo = repoOf(ctx);
      const id = intParam(ctx, "run_id");
      const run = ctx.state.workflowRuns.find((r) => sameRepo(r, repo) && r.id === id);
      if (run === undefined) return notFound();
      if (run.status !== "completed") {
        return errorResult(403, "This workflow is already running");
      }
      run.reruns += 1;
      run.status = "queued";
      run.conclusion = null;
      return ok({}, 201);
    },
  },
];

function buildWorkflowRun(repo: RepoRecord, run: WorkflowRunRecord, ctx: BuildContext) {
  const url = `${ctx.api}/repos/${repo.owner}/${repo.name}/actions/runs/${run.id}`;
  const repository = buildRepository(repo, ctx);
  const person = { name: "Octo Cat", email: "octocat@example.com" };
  return {
    id: run.id,
    node_id: nodeId("WorkflowRun", run.id),
    name: run.path.split("/").pop() ?? run.path,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: run.headBranch,
    run_number: run.id,
    run_attempt: run.reruns + 1,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url,
    html_url: `${ctx.html}/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.createdAt,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${ctx.api}/repos/${repo.owner}/${repo.name}/check-suites/${run.id}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${ctx.api}/repos/${repo.owner}/${repo.name}/actions/workflows/${run.workflowId}`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha,
      message: run.headBranch,
      timestamp: run.createdAt,
      author: person,
      committer: person,
    },
    repository,
    head_repository: repository,
  };
}
