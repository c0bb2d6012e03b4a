// pull_request (the actions in shared/github/pull-request-actions.ts): evaluate the pull
// request's head from the payload.
import type { Context } from "probot";
import type { ApiPullRequest } from "../shared/github/api-pull-request.js";
import { isCurrentHead } from "../shared/github/is-current-head.js";
import { PULL_REQUEST_ACTIONS } from "../shared/github/pull-request-actions.js";
import { baseRequest, type AppRuntime } from "./app-runtime.js";
import { runEvaluation } from "./run-evaluation.js";

export const PULL_REQUEST_EVENTS = PULL_REQUEST_ACTIONS.map(
  (action) => `pull_request.${action}` as const,
);

export async function handlePullRequest(
  context: Context<"pull_request">,
  runtime: AppRuntime,
): Promise<void> {
  const { pull_request: pr, repository } = context.payload;
  if (pr.state === "closed") return;
  const owner = repository.owner.login;
  const client = runtime.clientFor(context.octokit);
  const ref = { owner, repo: repository.name, number: pr.number };
  const isCurrent = async () => (await isCurrentHead(client, ref, pr.head.sha)).current;
  const key = `${owner}/${repository.name}#${pr.number}`;
  const ran = await runtime.queue.runLatest(key, pr.head.sha, isCurrent, () =>
    runEvaluation({
      ...baseRequest(runtime, context, client),
      owner,
      repo: repository.name,
      number: pr.number,
      headSha: pr.head.sha,
      pullRequest: pr as unknown as ApiPullRequest,
    }),
  );
  if (ran === undefined)
    context.log.info(
      `shipgate: ${key}: skipped ${pr.head.sha.slice(0, 7)}, a newer push is queued`,
    );
}
