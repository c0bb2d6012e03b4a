// What the queue carries for one webhook: only what is needed to re-read the pull request from
// GitHub when the job runs (an installation token cannot be stored), never the payload.

/**
 * `stale_check`: the sweep found this App's check run in progress too long
 * (sweep-stale-check-runs.ts). `dependency_moved`: a pull request or issue others may depend on
 * was closed or reopened; the job finds its dependants and queues one evaluation each.
 */
export type EvaluationJobKind =
  "pull_request" | "rerequest" | "coverage_run" | "stale_check" | "dependency_moved" | "command";

export interface EvaluationJob {
  kind: EvaluationJobKind;
  /** X-GitHub-Delivery of the webhook; also the check run's external id. */
  deliveryId: string;
  installationId: number;
  owner: string;
  repo: string;
  /** Absent: the pull requests whose head is `headSha` are looked up when the job runs. */
  number?: number;
  /** The head commit the event was about. */
  headSha: string;
  /** Without `number`: the pull requests the payload listed (empty for forks). */
  pulls?: number[];
  /** pull_request: its action (`synchronize`, `edited`, …). */
  action?: string;
  /** stale_check: the check run left in progress, which the job completes (or finds completed). */
  checkRunId?: number;
  /** command: a `/shipgate` comment on the pull request: its text, author and time. */
  comment?: { body: string; login: string; createdAt: string };
  /** dependency_moved: the item that moved (a closed pull request's branch, for stacks). */
  moved?: { number: number; headRef?: string; defaultBranch: string };
  /** coverage_run: the finished workflow run, to read its coverage artifact. */
  run?: { id: number; path: string | null; name: string | null; defaultBranch: string };
  /** Set by the queue: this job's place among the PR's events (see create-job-store.ts). */
  seq?: number;
}

/** Jobs for one pull request never run at the same time, on any instance. */
export function jobKey(job: Pick<EvaluationJob, "owner" | "repo" | "number" | "headSha">): string {
  const repo = `${job.owner}/${job.repo}`;
  return job.number === undefined ? `${repo}@${job.headSha}` : `${repo}#${job.number}`;
}

/** Stable across retries and redeliveries: a fan-out child adds its pull request. */
export function jobId(
  job: Pick<EvaluationJob, "deliveryId" | "owner" | "repo" | "number">,
  child: boolean,
): string {
  return child ? `${job.deliveryId}-${job.owner}/${job.repo}#${job.number ?? 0}` : job.deliveryId;
}

/** Events whose only news is the head: once that head has a verdict, they have nothing to add. */
export function isHeadOnly(job: EvaluationJob): boolean {
  return (
    job.kind === "pull_request" &&
    (job.action === "synchronize" || job.action === "opened" || job.action === "reopened")
  );
}

/** Jobs that carry a change of state (a coverage run) must run even when coalesced. */
export function carriesState(job: EvaluationJob): boolean {
  return job.kind === "coverage_run" || job.kind === "command";
}
