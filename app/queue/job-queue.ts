// The queue's port. Two transports implement it, BullMQ on Redis (create-bullmq-transport.ts)
// and an in-process one (create-memory-transport.ts); create-evaluation-queue.ts adds what both
// share (delivery ids, per-PR counts), and test/app/queue/ runs the same tests against both.
import type { EvaluationJob } from "./evaluation-job.js";

export interface JobInfo {
  id: string;
  /** Attempts made before this one (0 on the first run). */
  attempt: number;
}

/**
 * `busy`: another job holds the pull request; run this one again shortly (not a failure).
 * A thrown error is a failure: retried with backoff, up to the transport's attempts.
 */
export type JobProcessor = (job: EvaluationJob, info: JobInfo) => Promise<"done" | "busy">;

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface StopResult {
  /** Jobs still running when the grace period ended, put back in the queue (or lost, in memory). */
  handedBack: EvaluationJob[];
}

export interface JobTransport {
  backend: "redis" | "memory";
  /** Resolves once the job is recorded (in Redis: durably); a job with a known id is dropped. */
  add(id: string, job: EvaluationJob): Promise<void>;
  start(processor: JobProcessor): void;
  /**
   * Stops taking jobs and waits up to `graceMs` for running ones; those still running then are
   * handed back (Redis: another instance takes them at once).
   */
  stop(graceMs: number): Promise<StopResult>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

export interface TransportTuning {
  /** Jobs run at once per instance. */
  concurrency: number;
  /** Attempts per job before it is given up (failed). */
  attempts: number;
  /** First retry's wait; each later one doubles it. */
  backoffMs: number;
  /** Redis: a crashed instance's jobs are taken over this long after its last heartbeat. */
  lockMs: number;
}

export const DEFAULT_TUNING: TransportTuning = {
  concurrency: 4,
  attempts: 5,
  backoffMs: 2000,
  lockMs: 30_000,
};
