// The check run a job completes: the one it started on an earlier attempt (its external id is the
// delivery id), else one left in progress on the head by a job that died or was handed back
// (only one job holds a pull request at a time, so nobody else is writing it), else a new one.
// A retried or taken-over job thus never leaves a second run on the head.
import { CHECK_NAME } from "../../shared/github/check-name.js";
import type { GitHubClient, RepoRef } from "../../shared/github/github-client.js";
import { startCheckRun } from "../../shared/github/start-check-run.js";

interface ApiCheckRun {
  id: number;
  status: string;
  external_id?: string | null;
  app?: { slug?: string } | null;
}

export async function findOrStartCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  deliveryId: string,
  /** Only this App's runs are taken over (an Action's job may share the check's name). */
  appSlug: string,
): Promise<{ id: number; resumed: boolean }> {
  const response = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    ...repo,
    ref: headSha,
    check_name: CHECK_NAME,
    filter: "all",
    per_page: 100,
  });
  const runs = (response.data as { check_runs?: ApiCheckRun[] }).check_runs ?? [];
  const found =
    runs.find((run) => run.external_id === deliveryId) ??
    runs.find((run) => run.status !== "completed" && run.app?.slug === appSlug);
  if (found) return { id: found.id, resumed: true };
  return { id: await startCheckRun(client, repo, headSha, deliveryId), resumed: false };
}
