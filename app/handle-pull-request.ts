// pull_request (the actions in shared/github/pull-request-actions.ts): queue an evaluation of the
// pull request. The job re-reads it when it runs and evaluates the head it has then.
import type { Context } from "probot";
import { PULL_REQUEST_ACTIONS } from "../shared/github/pull-request-actions.js";
import type { AppRuntime } from "./app-runtime.js";
import { enqueueJob } from "./queue/enqueue-job.js";

export const PULL_REQUEST_EVENTS = PULL_REQUEST_ACTIONS.map(
  (action) => `pull_request.${action}` as const,
);

export async function handlePullRequest(
  context: Context<"pull_request">,
  runtime: AppRuntime,
): Promise<void> {
  const { pull_request: pr, repository, action } = context.payload;
  if (pr.state === "closed") return;
  await enqueueJob(runtime, context, {
    kind: "pull_request",
    action,
    owner: repository.owner.login,
    repo: repository.name,
    number: pr.number,
    headSha: pr.head.sha,
  });
}
