// pull_request.closed, issues.closed, issues.reopened: an item that pull requests may depend on
// moved, so the open pull requests that depend on it are evaluated again. The webhook only records
// a job (answered at once); the job finds the dependants (queue/process-evaluation-job.ts:
// the default branch's config for the keywords, one search query, plus one list read of the pull
// requests stacked on a closed pull request's branch) and queues one evaluation each, under the
// webhook's delivery, and nothing for pull requests that do not depend on the item.
import type { Context } from "probot";
import { readAppConfig } from "./config/read-app-config.js";
import { findDependants } from "../shared/github/find-dependants.js";
import type { GitHubClient, RepoRef } from "../shared/github/github-client.js";
import type { AppRuntime } from "./app-runtime.js";
import { enqueueJob } from "./queue/enqueue-job.js";
import type { EvaluationJob } from "./queue/evaluation-job.js";

export const DEPENDENCY_EVENTS = [
  "pull_request.closed",
  "issues.closed",
  "issues.reopened",
] as const;

type MovedContext = Context<(typeof DEPENDENCY_EVENTS)[number]>;

export async function handleDependencyMoved(
  context: MovedContext,
  runtime: AppRuntime,
): Promise<void> {
  const { repository } = context.payload;
  const moved =
    "pull_request" in context.payload
      ? {
          number: context.payload.pull_request.number,
          headRef: context.payload.pull_request.head.ref,
        }
      : { number: context.payload.issue.number };
  await enqueueJob(runtime, context, {
    kind: "dependency_moved",
    owner: repository.owner.login,
    repo: repository.name,
    // No head: the dependants' heads are read when each of their jobs runs.
    headSha: "",
    moved: { ...moved, defaultBranch: repository.default_branch },
  });
}

/** The open pull requests to evaluate again, or none when the rule is off at the default branch. */
export async function dependantsOf(
  client: GitHubClient,
  repo: RepoRef,
  moved: NonNullable<EvaluationJob["moved"]>,
): Promise<number[]> {
  const config = await readAppConfig(client, { ...repo, ref: moved.defaultBranch });
  if (!config.result.ok || config.result.config.rules.dependencies.level === "off") return [];
  const { defaultBranch: _branch, ...item } = moved;
  return findDependants(
    client,
    { ...repo, ...item },
    config.result.config.rules.dependencies.keywords,
  );
}
