// Posts a plain (not sticky) comment on an issue or pull request, e.g. a reply to a command.
import type { GitHubClient, PullRequestRef } from "./github-client.js";

export async function postIssueComment(
  client: GitHubClient,
  pr: PullRequestRef,
  body: string,
): Promise<void> {
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body,
  });
}
