// What a webhook handler does with an event: record it as a job and return, so the webhook is
// answered at once. A queue that cannot take it (Redis away) answers 503: GitHub shows the
// delivery as failed, and it can be redelivered once the App is healthy again.
import type { AppLogger } from "../app-logger.js";
import type { EvaluationQueue } from "./create-evaluation-queue.js";
import type { QueueMetrics } from "./create-queue-metrics.js";
import { jobKey, type EvaluationJob } from "./evaluation-job.js";

export type NewJob = Omit<EvaluationJob, "deliveryId" | "installationId" | "seq">;

export interface WebhookContext {
  id: string;
  log: AppLogger;
  /** Webhook payloads of apps carry `installation`; typed loosely so every event fits. */
  payload: object;
}

export async function enqueueJob(
  runtime: {
    jobs: EvaluationQueue;
    metrics: Pick<QueueMetrics, "webhook"> | undefined;
    waitForJobs: boolean;
  },
  context: WebhookContext,
  job: NewJob,
): Promise<void> {
  const { installation } = context.payload as { installation?: { id?: number } | null };
  const installationId = installation?.id;
  const fields = { deliveryId: context.id, pr: jobKey(job), head: job.headSha };
  if (installationId === undefined) {
    context.log.warn(fields, "shipgate: event without an installation ignored");
    return;
  }
  let added: "queued" | "duplicate";
  try {
    added = await runtime.jobs.add({ ...job, deliveryId: context.id, installationId });
  } catch (error) {
    runtime.metrics?.webhook("refused");
    context.log.error({ ...fields, err: error }, "shipgate: could not queue the event");
    throw Object.assign(new Error("shipgate cannot queue events right now (see /health)"), {
      status: 503,
    });
  }
  runtime.metrics?.webhook(added);
  context.log.info(
    { ...fields, jobId: context.id },
    added === "duplicate"
      ? "shipgate: duplicate delivery ignored"
      : `shipgate: queued ${job.kind}${job.action ? `.${job.action}` : ""}`,
  );
  if (runtime.waitForJobs) await waitUntilIdle(runtime.jobs);
}

/**
 * For an event that concerns several pull requests (the dependants of a pull request that was
 * closed or merged, say): one job per pull request, all under the event's delivery id, so a
 * redelivery adds none of them. Jobs need `number`; a job re-reads its pull request when it runs
 * and evaluates the head it has then (`headSha` is for the logs: the head the event knew, or "").
 */
export async function enqueueJobs(
  runtime: Parameters<typeof enqueueJob>[0],
  context: WebhookContext,
  jobs: (NewJob & { number: number })[],
): Promise<void> {
  const { installation } = context.payload as { installation?: { id?: number } | null };
  const installationId = installation?.id;
  const fields = { deliveryId: context.id, prs: jobs.map(jobKey) };
  if (installationId === undefined || jobs.length === 0) return;
  const store = runtime.jobs.store;
  try {
    if (!(await store.claimDelivery(context.id))) {
      runtime.metrics?.webhook("duplicate");
      context.log.info(fields, "shipgate: duplicate delivery ignored");
      return;
    }
    // Children: the delivery is claimed once above, each job's id adds its pull request.
    for (const job of jobs)
      await runtime.jobs.add({ ...job, deliveryId: context.id, installationId }, { child: true });
  } catch (error) {
    await store.releaseDelivery(context.id).catch(() => undefined);
    runtime.metrics?.webhook("refused");
    context.log.error({ ...fields, err: error }, "shipgate: could not queue the event");
    throw Object.assign(new Error("shipgate cannot queue events right now (see /health)"), {
      status: 503,
    });
  }
  runtime.metrics?.webhook("queued");
  context.log.info(fields, `shipgate: queued ${jobs.length} ${jobs[0]?.kind ?? ""} job(s)`);
  if (runtime.waitForJobs) await waitUntilIdle(runtime.jobs);
}

/** Until nothing is waiting, running or due for a retry (only this instance's queue: memory). */
async function waitUntilIdle(queue: EvaluationQueue): Promise<void> {
  for (;;) {
    const { waiting, active, delayed } = await queue.counts();
    if (waiting + active + delayed === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
