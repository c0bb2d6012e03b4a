// Gathers one pull request's facts (API, workspace coverage, the checkout's file list) and
// decides. An invalid config at the base commit is a failing verdict naming its errors, not a crash.
import type { ConfigError } from "../shared/core/config/config-error.js";
import { evaluate } from "../shared/core/evaluate.js";
import type { Verdict } from "../shared/core/types.js";
import type { ApiPullRequest } from "../shared/github/api-pull-request.js";
import {
  gatherPullRequestFacts,
  type GatheredPullRequest,
} from "../shared/github/gather-pull-request-facts.js";
import type { GitHubClient, RepoRef } from "../shared/github/github-client.js";
import { invalidConfigVerdict } from "../shared/core/invalid-config-verdict.js";
import { gatherWorkspaceCoverage } from "./gather-workspace-coverage.js";
import { listWorkspaceFiles } from "./list-workspace-files.js";
import type { ActionInputs } from "./read-inputs.js";
import type { RunnerEnv } from "./read-runner-env.js";

export interface Evaluation {
  verdict: Verdict;
  gathered: GatheredPullRequest;
  configErrors: ConfigError[];
  configWarnings: string[];
}

export async function evaluatePullRequest(
  client: GitHubClient,
  where: RepoRef & { pullRequest: ApiPullRequest },
  inputs: ActionInputs,
  runner: Pick<RunnerEnv, "workspace" | "graphqlUrl">,
): Promise<Evaluation> {
  // git runs while the API answers.
  const repoFiles = listWorkspaceFiles(runner.workspace);
  const gathered = await gatherPullRequestFacts(client, {
    owner: where.owner,
    repo: where.repo,
    number: where.pullRequest.number,
    pullRequest: where.pullRequest,
    configPath: inputs.config,
    // One query for the base commit's files and the token's login (the sticky comment's author).
    graphql: { url: runner.graphqlUrl, viewer: true },
  });
  gathered.facts.repoFiles = await repoFiles;
  const parsed = gathered.config.result;
  if (!parsed.ok) {
    const verdict = invalidConfigVerdict(parsed.errors, gathered.config.path);
    return { verdict, gathered, configErrors: parsed.errors, configWarnings: [] };
  }
  gathered.facts.coverage = await gatherWorkspaceCoverage(
    inputs.coverage,
    parsed.config,
    runner.workspace,
  );
  const verdict = evaluate(gathered.facts, parsed.config);
  return { verdict, gathered, configErrors: [], configWarnings: parsed.warnings };
}
