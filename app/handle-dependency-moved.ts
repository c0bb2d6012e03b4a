// pull_request.closed, issues.closed, issues.reopened: an item that pull requests may depend on
// moved, so the open pull requests that depend on it are evaluated again: one job each, all under
// the webhook's delivery (enqueueJobs), and nothing for pull requests that do not depend on it.
// Finding them costs the default branch's config (for the keywords) and one search query, plus
// one list read of the pull requests stacked on a closed pull request's branch.
import type { Context } from "probot";
import { findDependants } from "../shared/github/find-dependants.js";
import type { AppRuntime } from "./app-runtime.js";
import { readAppConfig } from "./config/read-app-config.js";
import { enqueueJobs } from "./queue/enqueue-job.js";

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
  const where = { owner: repository.owner.login, repo: repository.name };
  const client = runtime.clientFor(context.octokit);
  const config = await readAppConfig(client, { ...where, ref: repository.default_branch });
  if (!config.result.ok || config.result.config.rules.dependencies.level === "off") return;
  const keywords = config.result.config.rules.dependencies.keywords;
  const dependants = await findDependants(client, { ...where, ...moved }, keywords);
  // One delivery, one job per dependant: a redelivery of this webhook adds none.
  await enqueueJobs(
    runtime,
    context,
    dependants.map((number) => ({
      kind: "pull_request" as const,
      action: "dependency",
      ...where,
      number,
      // The job reads the pull request and evaluates the head it has then.
      headSha: "",
    })),
  );
}
