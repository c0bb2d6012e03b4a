// The check run a job completes: the one it started on an earlier attempt (its external id is the
// delivery id), else one left in progress on the head by a job that died or was handed back
// (only one job holds a pull request at a time, so nobody else is writing it), else a new one.
// A retried or taken-over job thus never leaves a second run on the head.
import type { GitHubClient, RepoRef } from "../../shared/github/github-client.js";
import { listCheckRuns } from "../../shared/github/list-check-runs.js";
import { startCheckRun } from "../../shared/github/start-check-run.js";

export async function findOrStartCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  deliveryId: string,
  /** Only this App's runs are taken over (an Action's job may share the check's name). */
  appSlug: string,
): Promise<{ id: number; resumed: boolean }> {
  const runs = await listCheckRuns(client, repo, headSha);
  const found =
    runs.find((run) => run.external_id === deliveryId) ??
    runs.find((run) => run.status !== "completed" && run.app?.slug === appSlug);
  if (found) return { id: found.id, resumed: true };
  return { id: await startCheckRun(client, repo, headSha, deliveryId), resumed: false };
}
