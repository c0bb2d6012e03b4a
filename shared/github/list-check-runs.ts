// The `shipgate` check runs on a commit, checked at the boundary: one read of up to 100 (a
// commit has a handful). Who reads them: a job finding the run it should complete, the override
// check (when this App first started a run on the head) and the sweep for runs left in progress.
import { z } from "zod";
import { CHECK_NAME } from "./check-name.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { parseAnswer } from "./parse-answer.js";

const ROUTE = "GET /repos/{owner}/{repo}/commits/{ref}/check-runs";

const checkRunsSchema = z.object({
  check_runs: z.array(
    z.object({
      id: z.number(),
      status: z.string(),
      external_id: z.string().nullish(),
      started_at: z.string().nullish(),
      app: z.object({ slug: z.string().optional() }).nullish(),
    }),
  ),
});

export type ListedCheckRun = z.infer<typeof checkRunsSchema>["check_runs"][number];

export async function listCheckRuns(
  client: GitHubClient,
  repo: RepoRef,
  ref: string,
  options: { status?: "in_progress" } = {},
): Promise<ListedCheckRun[]> {
  const response = await client.request(ROUTE, {
    ...repo,
    ref,
    check_name: CHECK_NAME,
    ...options,
    filter: "all",
    per_page: 100,
  });
  return parseAnswer(response, ROUTE, checkRunsSchema, "a list of check runs").check_runs;
}
