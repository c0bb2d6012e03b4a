// check_run.rerequested and check_suite.rerequested: queue an evaluation of every open pull
// request whose head is the commit (fork PRs arrive with an empty `pull_requests` list and are
// looked up when the job runs).
import type { Context } from "probot";
import { CHECK_NAME } from "../shared/github/check-name.js";
import type { AppRuntime } from "./app-runtime.js";
import { enqueueJob } from "./queue/enqueue-job.js";

export async function handleCheckRunRerequested(
  context: Context<"check_run.rerequested">,
  runtime: AppRuntime,
): Promise<void> {
  const run = context.payload.check_run;
  if (run.name !== CHECK_NAME) return;
  await rerequest(context, runtime, run.head_sha, run.pull_requests);
}

export async function handleCheckSuiteRerequested(
  context: Context<"check_suite.rerequested">,
  runtime: AppRuntime,
): Promise<void> {
  const suite = context.payload.check_suite;
  await rerequest(context, runtime, suite.head_sha, suite.pull_requests);
}

async function rerequest(
  context: Context<"check_run" | "check_suite">,
  runtime: AppRuntime,
  sha: string,
  pulls: readonly { number: number }[],
): Promise<void> {
  const repository = context.payload.repository;
  await enqueueJob(runtime, context, {
    kind: "rerequest",
    owner: repository.owner.login,
    repo: repository.name,
    headSha: sha,
    pulls: pulls.map((p) => p.number),
  });
}
