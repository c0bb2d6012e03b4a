// The Action's inputs to the shared gather-and-evaluate path: the base commit's files in one
// GraphQL query, the checkout's file list, and the coverage reports in the workspace.
import type { ApiPullRequest } from "../shared/github/api-pull-request.js";
import {
  evaluatePullRequest,
  type PullRequestEvaluation,
} from "../shared/github/evaluate-pull-request.js";
import type { GitHubClient, RepoRef } from "../shared/github/github-client.js";
import { readRepositoryLayout } from "../shared/github/read-repository-layout.js";
import { gatherWorkspaceCoverage } from "./gather-workspace-coverage.js";
import type { ActionInputs } from "./read-inputs.js";
import type { RunnerEnv } from "./read-runner-env.js";
import { readWorkspaceLayout } from "./read-workspace-layout.js";

export function evaluateInWorkspace(
  client: GitHubClient,
  where: RepoRef & { pullRequest: ApiPullRequest },
  inputs: ActionInputs,
  runner: Pick<RunnerEnv, "workspace" | "graphqlUrl">,
): Promise<PullRequestEvaluation> {
  const head = { owner: where.owner, repo: where.repo, sha: where.pullRequest.head.sha };
  return evaluatePullRequest(
    client,
    {
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
    },
    async (config) => ({
      coverage: await gatherWorkspaceCoverage(inputs.coverage, config, runner.workspace),
    }),
  );
}
