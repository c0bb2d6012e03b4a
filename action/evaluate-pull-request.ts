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
import { readRepositoryLayout } from "../shared/github/read-repository-layout.js";
import { readWorkspaceLayout } from "./read-workspace-layout.js";
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
  const head = { owner: where.owner, repo: where.repo, sha: where.pullRequest.head.sha };
  const gathered = await gatherPullRequestFacts(client, {
    owner: where.owner,
    repo: where.repo,
    number: where.pullRequest.number,
    pullRequest: where.pullRequest,
    configPath: inputs.config,
    // One query for the base commit's files and the token's login (the sticky comment's author).
    graphql: { url: runner.graphqlUrl, viewer: true },
    // The checkout's files; the API's head tree only when the workspace is not a git checkout.
    readLayout: async () =>
      (await readWorkspaceLayout(runner.workspace)) ??
      readRepositoryLayout(client, { ...head, graphqlUrl: runner.graphqlUrl }),
  });
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
