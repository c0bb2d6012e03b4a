// A repository's default branch, e.g. to read an org-wide config another repository points at.
import type { GitHubClient } from "./github-client.js";

export async function readDefaultBranch(
  client: GitHubClient,
  repo: { owner: string; repo: string },
): Promise<string> {
  const response = await client.request("GET /repos/{owner}/{repo}", repo);
  return String((response.data as { default_branch?: unknown }).default_branch ?? "main");
}
