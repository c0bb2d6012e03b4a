// check_run.rerequested and check_suite.rerequested: evaluate every open pull request whose head
// is the commit (fork PRs arrive with an empty `pull_requests` list and are looked up).
import type { Context } from "probot";
import { CHECK_NAME } from "../shared/github/check-name.js";
import { findPullRequestsForSha } from "../shared/github/find-pull-requests-for-sha.js";
import { baseRequest, type AppRuntime } from "./app-runtime.js";
import { runEvaluation } from "./run-evaluation.js";

export async function handleCheckRunRerequested(
  context: Context<"check_run.rerequested">,
  runtime: AppRuntime,
): Promise<void> {
  const run = context.payload.check_run;
  if (run.name !== CHECK_NAME) return;
  await reevaluate(context, runtime, run.head_sha, run.pull_requests);
}

export async function handleCheckSuiteRerequested(
  context: Context<"check_suite.rerequested">,
  runtime: AppRuntime,
): Promise<void> {
  const suite = context.payload.check_suite;
  await reevaluate(context, runtime, suite.head_sha, suite.pull_requests);
}

export async function reevaluate(
  context: Context<"check_run" | "check_suite" | "workflow_run">,
  runtime: AppRuntime,
  sha: string,
  pulls: readonly { number: number }[],
  updateState?: Parameters<typeof runEvaluation>[0]["updateState"],
): Promise<void> {
  const repository = context.payload.repository;
  const repo = { owner: repository.owner.login, repo: repository.name };
  const client = runtime.clientFor(context.octokit);
  const numbers = await findPullRequestsForSha(client, repo, sha, pulls);
  for (const number of numbers) {
    await runtime.queue.run(`${repo.owner}/${repo.repo}#${number}`, () =>
      runEvaluation({
        ...baseRequest(runtime, context, client),
        ...repo,
        number,
        headSha: sha,
        ...(updateState ? { updateState } : {}),
      }),
    );
  }
}
