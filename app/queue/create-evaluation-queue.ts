// The App's queue: a transport (BullMQ or in-process) plus what both need around it. A delivery
// id is taken once across instances (a redelivery is a no-op), and each job gets its place in
// its pull request's count of events, which lets a job see that a later evaluation covered it.
import { jobId, jobKey, type EvaluationJob } from "./evaluation-job.js";
import type { JobProcessor, JobTransport, QueueCounts, StopResult } from "./job-queue.js";
import type { JobStore } from "./job-store.js";

export interface EvaluationQueue {
  backend: JobTransport["backend"];
  store: JobStore;
  /**
   * Records the job. `duplicate`: its delivery was taken before. `child`: a job a running job
   * adds (one per pull request of a commit), under its parent's delivery id.
   */
  add(job: EvaluationJob, options?: { child?: boolean }): Promise<"queued" | "duplicate">;
  start(processor: JobProcessor): void;
  stop(graceMs: number): Promise<StopResult>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

export function createEvaluationQueue(transport: JobTransport, store: JobStore): EvaluationQueue {
  return {
    backend: transport.backend,
    store,
    async add(job, options = {}) {
      const child = options.child ?? false;
      if (!child && !(await store.claimDelivery(job.deliveryId))) return "duplicate";
      try {
        const seq = job.number === undefined ? undefined : await store.nextSeq(jobKey(job));
        await transport.add(jobId(job, child), seq === undefined ? job : { ...job, seq });
      } catch (error) {
        // Not recorded: let GitHub's redelivery (or a manual one) try again.
        if (!child) await store.releaseDelivery(job.deliveryId).catch(() => undefined);
        throw error;
      }
      return "queued";
    },
    start: (processor) => transport.start(processor),
    stop: (graceMs) => transport.stop(graceMs),
    counts: () => transport.counts(),
    async close() {
      await transport.close();
      await store.close();
    },
  };
}
