// The action's GitHub client: Octokit on GITHUB_API_URL (GitHub Enterprise Server works), with
// the runner's proxy settings, wrapped in bounded retries that log why they wait.
import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { createRetryingClient } from "../shared/github/create-retrying-client.js";
import type { GitHubClient } from "../shared/github/github-client.js";

export function createActionClient(token: string, apiUrl: string): GitHubClient {
  const octokit = getOctokit(token, { baseUrl: apiUrl });
  return createRetryingClient(octokit, {
    onRetry: ({ route, attempt, delayMs, reason }) =>
      core.info(
        `shipgate: ${reason} on ${route}; retry ${attempt} in ${Math.ceil(delayMs / 1000)} s`,
      ),
  });
}
