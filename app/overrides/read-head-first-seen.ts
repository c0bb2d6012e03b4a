// When this App first started its check run on a commit: the latest the commit can have become a
// pull request's head, since the App starts a check run as soon as a push is delivered. An
// override comment written before then cannot have been about that commit.
import type { GitHubClient, RepoRef } from "../../shared/github/github-client.js";
import { listCheckRuns } from "../../shared/github/list-check-runs.js";

/** The earliest `started_at` of `appSlug`'s `shipgate` runs on `sha`; null when it has none. */
export async function readHeadFirstSeen(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  appSlug: string,
): Promise<Date | null> {
  const runs = await listCheckRuns(client, repo, sha);
  // Only our own runs: anyone with checks:write can create a run named `shipgate`, with any date.
  const times = runs
    .filter((run) => run.app?.slug === appSlug && typeof run.started_at === "string")
    .map((run) => Date.parse(run.started_at ?? ""))
    .filter((time) => Number.isFinite(time));
  return times.length === 0 ? null : new Date(Math.min(...times));
}
