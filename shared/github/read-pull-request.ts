// Reads a pull request as the API has it now (its current head, its state).
import type { ApiPullRequest } from "./api-pull-request.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";

export async function readPullRequest(
  client: GitHubClient,
  pr: PullRequestRef,
): Promise<ApiPullRequest> {
  const response = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
  });
  return response.data as ApiPullRequest;
}
