// `mode: dependants`, on pull_request closed and issues closed or reopened: the open pull
// requests that depend on the item that moved are found as the App finds them
// (find-dependants.ts, with the keywords of the default branch's config), and for each the
// latest run of the gate's workflow (`workflow` input) on its head is re-run, so its gate judges
// the dependency's new state. A run still in progress is left alone: it reads the state anew.
import * as core from "@actions/core";
import { z } from "zod";
import { findDependants, type MovedItem } from "../shared/github/find-dependants.js";
import { statusOf, type GitHubClient, type RepoRef } from "../shared/github/github-client.js";
import { parseAnswer } from "../shared/github/parse-answer.js";
import { readConfigAtRef } from "../shared/github/read-config-at-ref.js";
import { readPullRequest } from "../shared/github/read-pull-request.js";
import { neutralizeCommands } from "./log-safely.js";
import type { ActionInputs } from "./read-inputs.js";
import type { RunnerEnv } from "./read-runner-env.js";

const RUNS_ROUTE = "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs";
const RERUN_ROUTE = "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun";
const runsSchema = z.object({
  workflow_runs: z.array(
    z.object({ id: z.number().int().positive(), status: z.string().nullish() }),
  ),
});

const payloadSchema = z.object({
  action: z.string(),
  repository: z.object({ default_branch: z.string() }),
  pull_request: z
    .object({ number: z.number().int().positive(), head: z.object({ ref: z.string() }) })
    .optional(),
  issue: z.object({ number: z.number().int().positive() }).optional(),
});

export async function runDependants(
  client: GitHubClient,
  payload: unknown,
  inputs: ActionInputs,
  runner: RunnerEnv,
): Promise<void> {
  const repo = { owner: runner.owner, repo: runner.repo };
  const moved = movedItem(runner.eventName, payload, repo);
  core.setOutput("dependants", "[]");
  if (typeof moved === "string") {
    core.info(`shipgate: ${moved}`);
    return;
  }
  const config = await readConfigAtRef(client, {
    ...repo,
    ref: moved.defaultBranch,
    path: inputs.config,
  });
  if (!config.result.ok) {
    core.setFailed(
      `shipgate: ${config.path} at ${moved.defaultBranch} is invalid; fix it to find dependants`,
    );
    return;
  }
  const rule = config.result.config.rules.dependencies;
  if (rule.level === "off") {
    core.info("shipgate: the dependencies rule is off: no dependants to re-run");
    return;
  }
  const dependants = await findDependants(client, moved.item, rule.keywords);
  core.setOutput("dependants", JSON.stringify(dependants));
  if (dependants.length === 0)
    core.info(`shipgate: no open pull request depends on #${moved.item.number}`);
  for (const number of dependants) {
    core.info(
      neutralizeCommands(
        `shipgate: #${number}: ${await rerunGate(client, repo, number, inputs.workflow)}`,
      ),
    );
  }
}

/** What moved, or why there is nothing to do. */
function movedItem(
  eventName: string,
  payload: unknown,
  repo: RepoRef,
): { item: MovedItem; defaultBranch: string } | string {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success)
    return `the ${eventName} payload names no pull request or issue: nothing to do`;
  const { action, pull_request: pr, issue, repository } = parsed.data;
  const defaultBranch = repository.default_branch;
  if (
    (eventName === "pull_request" || eventName === "pull_request_target") &&
    pr &&
    action === "closed"
  ) {
    return { item: { ...repo, number: pr.number, headRef: pr.head.ref }, defaultBranch };
  }
  if (eventName === "issues" && issue && (action === "closed" || action === "reopened")) {
    return { item: { ...repo, number: issue.number }, defaultBranch };
  }
  return `mode: dependants runs on pull_request closed and issues closed or reopened, not ${eventName}.${action}: nothing to do`;
}

async function rerunGate(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
  workflow: string,
): Promise<string> {
  const pr = await readPullRequest(client, { ...repo, number });
  const response = await client.request(RUNS_ROUTE, {
    ...repo,
    workflow_id: workflow,
    head_sha: pr.head.sha,
    per_page: 1,
  });
  const [run] = parseAnswer(
    response,
    RUNS_ROUTE,
    runsSchema,
    "a list of workflow runs",
  ).workflow_runs;
  if (run === undefined)
    return `no run of ${workflow} on its head ${pr.head.sha.slice(0, 7)} to re-run`;
  if (run.status !== "completed")
    return `${workflow} run ${run.id} is still running; it reads the new state`;
  try {
    await client.request(RERUN_ROUTE, { ...repo, run_id: run.id });
  } catch (error) {
    // 403: it started again meanwhile, or the token lacks `actions: write` (said in the docs).
    if (statusOf(error) === 403)
      return `${workflow} run ${run.id} could not be re-run (403: running again, or the token lacks actions: write)`;
    throw error;
  }
  return `re-running ${workflow} (run ${run.id})`;
}
