// When this App first started its check run on a commit: the latest the commit can have become a
// pull request's head, since the App starts a check run as soon as a push is delivered. An
// override comment written before then cannot have been about that commit.
import { CHECK_NAME } from "../../shared/github/check-name.js";
import type { GitHubClient, RepoRef } from "../../shared/github/github-client.js";

interface ApiCheckRun {
  started_at?: string | null;
  app?: { slug?: string } | null;
}

/** The earliest `started_at` of `appSlug`'s `shipgate` runs on `sha`; null when it has none. */
export async function readHeadFirstSeen(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  appSlug: string,
): Promise<Date | null> {
  const response = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    ...repo,
    ref: sha,
    check_name: CHECK_NAME,
    filter: "all",
    per_page: 100,
  });
  const runs = (response.data as { check_runs?: ApiCheckRun[] } | null)?.check_runs ?? [];
  // Only our own runs: anyone with checks:write can create a run named `shipgate`, with any date.
  const times = runs
    .filter((run) => run.app?.slug === appSlug && typeof run.started_at === "string")
    .map((run) => Date.parse(run.started_at ?? ""))
    .filter((time) => Number.isFinite(time));
  return times.length === 0 ? null : new Date(Math.min(...times));
}
