// Which open pull requests have a commit as their head. Webhooks for fork PRs carry an empty
// `pull_requests` list, so the API is asked: first the commit's pulls, then the open pull requests.
import { z } from "zod";
import { statusOf, type GitHubClient, type RepoRef } from "./github-client.js";
import { listAllPages } from "./list-all-pages.js";

const apiPullSchema = z.object({
  number: z.number().int().positive(),
  state: z.string().optional(),
  head: z.object({ sha: z.string() }),
});
type ApiPull = z.infer<typeof apiPullSchema>;

export async function findPullRequestsForSha(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  fromPayload: readonly { number: number }[] = [],
): Promise<number[]> {
  if (fromPayload.length > 0) return [...new Set(fromPayload.map((p) => p.number))];
  const matching = (pulls: ApiPull[]) => [
    ...new Set(
      pulls.filter((p) => p.head.sha === sha && p.state !== "closed").map((p) => p.number),
    ),
  ];
  const viaCommit = matching(
    await listAllPages(
      client,
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
      { ...repo, commit_sha: sha },
      apiPullSchema,
    ).catch((error: unknown) => {
      if (statusOf(error) === 404 || statusOf(error) === 422) return [];
      throw error;
    }),
  );
  if (viaCommit.length > 0) return viaCommit;
  // A fork's commit is not in this repository, so the commit route may not know it.
  const open = await listAllPages(
    client,
    "GET /repos/{owner}/{repo}/pulls",
    { ...repo, state: "open" },
    apiPullSchema,
    10,
  );
  return matching(open);
}
