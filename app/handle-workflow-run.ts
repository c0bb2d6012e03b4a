// workflow_run.completed: queue a job that checks whether the run is the workflow the config
// names for coverage and, if so, remembers it for the head commit and evaluates again with the
// artifact's reports. Other workflows are dropped by the job without a write.
import type { Context } from "probot";
import type { CoverageArtifact } from "../shared/core/mark-coverage-pending.js";
import type { AppRuntime } from "./app-runtime.js";
import { enqueueJob } from "./queue/enqueue-job.js";

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
  await enqueueJob(runtime, context, {
    kind: "coverage_run",
    owner: repository.owner.login,
    repo: repository.name,
    headSha: run.head_sha,
    pulls: (run.pull_requests ?? []).flatMap((p) => (p ? [p.number] : [])),
    run: {
      id: run.id,
      path: run.path ?? null,
      name: run.name ?? null,
      defaultBranch: repository.default_branch,
    },
  });
}
