// workflow_run.completed: when the run is the workflow the config names for coverage, remember it
// for the head commit and evaluate again with the artifact's reports. Other workflows are ignored
// without a write.
import type { Context } from "probot";
import type { CoverageArtifact } from "../shared/core/mark-coverage-pending.js";
import type { AppRuntime } from "./app-runtime.js";
import { coverageArtifact } from "./config/coverage-artifact.js";
import { readAppConfig } from "./config/read-app-config.js";
import { reevaluate } from "./handle-rerequest.js";

interface RunInfo {
  path?: string | null;
  name?: string | null;
}

/** `ci.yml` matches `.github/workflows/ci.yml`; a workflow's display name matches too. */
export function isCoverageWorkflow(artifact: CoverageArtifact | null, run: RunInfo): boolean {
  if (artifact === null) return false;
  const wanted = artifact.workflow.replace(/^\.\/|^\//, "");
  const path = (run.path ?? "").replace(/@.*$/, "");
  return path === wanted || path.endsWith(`/${wanted}`) || run.name === artifact.workflow;
}

export async function handleWorkflowRun(
  context: Context<"workflow_run.completed">,
  runtime: AppRuntime,
): Promise<void> {
  const { workflow_run: run, repository } = context.payload;
  if (run.event !== "pull_request" && run.event !== "pull_request_target" && run.event !== "push") {
    return;
  }
  const client = runtime.clientFor(context.octokit);
  const repo = { owner: repository.owner.login, repo: repository.name };
  // A cheap filter before any write: most completed workflows are not the coverage one. The
  // evaluation then decides on the pull request's own base config (one more read, only for the
  // coverage workflow), so the filter's default-branch read never decides a verdict.
  const config = await readAppConfig(client, { ...repo, ref: repository.default_branch });
  const artifact = coverageArtifact(config.result);
  if (!isCoverageWorkflow(artifact, run)) return;
  const pulls = (run.pull_requests ?? []).flatMap((p) => (p ? [p] : []));
  await reevaluate(context, runtime, run.head_sha, pulls, (state, current) =>
    isCoverageWorkflow(coverageArtifact(current.result), run)
      ? { ...state, coverageRun: { sha: run.head_sha, runId: run.id } }
      : state,
  );
}
