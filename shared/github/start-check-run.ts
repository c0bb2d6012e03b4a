// Starts the `shipgate` check run for a head commit, `in_progress`, so the pull request shows at
// once that a verdict is coming.
import { CHECK_NAME } from "./check-name.js";
import { statusOf, type GitHubClient, type RepoRef } from "./github-client.js";

interface ApiCheckRun {
  id: number;
  external_id?: string | null;
}

/**
 * Creates the run; `externalId` (e.g. the webhook delivery id) finds it again when the answer to
 * the create was lost (a 5xx after the write), so a retry never leaves a second run behind.
 */
export async function startCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  externalId: string,
): Promise<number> {
  const input = {
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: "in_progress",
    external_id: externalId,
  };
  try {
    const response = await client.request("POST /repos/{owner}/{repo}/check-runs", input);
    return (response.data as ApiCheckRun).id;
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status < 500) throw error;
    const found = await findCheckRun(client, repo, headSha, externalId);
    if (found !== null) return found;
    const response = await client.request("POST /repos/{owner}/{repo}/check-runs", input);
    return (response.data as ApiCheckRun).id;
  }
}

async function findCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  externalId: string,
): Promise<number | null> {
  const response = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: repo.owner,
    repo: repo.repo,
    ref: headSha,
    check_name: CHECK_NAME,
    filter: "all",
    per_page: 100,
  });
  const runs = (response.data as { check_runs?: ApiCheckRun[] }).check_runs ?? [];
  return runs.find((run) => run.external_id === externalId)?.id ?? null;
}
