// A user's role on a repository, checked through the API (author_association is not proof).
import { statusOf, type GitHubClient } from "./github-client.js";

/** The role GitHub reports (`role_name`), falling back to the legacy `permission` field. */
export async function readRepositoryRole(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  username: string,
): Promise<string> {
  let response;
  try {
    response = await client.request(
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      { owner: repo.owner, repo: repo.repo, username },
    );
  } catch (error) {
    // GitHub answers 404 for someone who is not a collaborator at all.
    if (statusOf(error) === 404) return "none";
    throw error;
  }
  const data = response.data as { role_name?: string; permission?: string };
  return String(data.role_name ?? data.permission ?? "none");
}
