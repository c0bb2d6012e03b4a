// Reads a pull request as the API has it now (its current head, its state).
import { apiPullRequestSchema, type ApiPullRequest } from "./api-pull-request.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { parseAnswer } from "./parse-answer.js";

const ROUTE = "GET /repos/{owner}/{repo}/pulls/{pull_number}";

export async function readPullRequest(
  client: GitHubClient,
  pr: PullRequestRef,
): Promise<ApiPullRequest> {
  const response = await client.request(ROUTE, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
  });
  return parseAnswer(response, ROUTE, apiPullRequestSchema, "a pull request");
}
