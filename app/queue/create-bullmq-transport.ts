// The Redis transport (REDIS_URL): BullMQ. At-least-once: a job stays in Redis until a worker
// finishes it; failures are retried with exponential backoff; a crashed instance's jobs are
// found by BullMQ's stalled-job check and run elsewhere once their lock (`lockMs`) runs out.
import { DelayedError, Queue, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { EvaluationJob } from "./evaluation-job.js";
import { watchIdleWorker } from "./watch-idle-worker.js";
import {
  DEFAULT_TUNING,
  type JobProcessor,
  type JobTransport,
  type TransportTuning,
} from "./job-queue.js";

export const QUEUE_NAME = "shipgate-evaluations";
const BUSY_RETRY_MS = 250;

export interface BullmqTransportOptions extends Partial<TransportTuning> {
  /** REDIS_URL. */
  url: string;
  /** The BullMQ queue's name (default shipgate-evaluations); instances share it. */
  queueName?: string;
  /** Told of connection errors (they are also visible on /health). */
  onError?: (error: Error) => void;
  /**
   * A worker that runs no job while jobs wait this long is replaced (default 30 s); see
   * watch-idle-worker.ts.
   */
  idleWorkerMs?: number;
}

export function createBullmqTransport(options: BullmqTransportOptions): JobTransport {
  const { concurrency, attempts, backoffMs, lockMs } = { ...DEFAULT_TUNING, ...options };
  const onError = options.onError ?? (() => undefined);
  // Adding fails fast while Redis is away (the webhook is then answered 503 and redelivered);
  // the worker's connection waits for Redis instead, as BullMQ requires.
  const producer = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  producer.on("error", onError);
  const name = options.queueName ?? QUEUE_NAME;
  const queue = new Queue<EvaluationJob>(name, { connection: producer });
  queue.on("error", onError);
  let worker: Worker<EvaluationJob> | undefined;
  let connection: Redis | undefined;
  let idleWatch: ReturnType<typeof setInterval> | undefined;
  const handBacks = new Set<() => void>();
  const running = new Map<string, EvaluationJob>();

  const processWith = (work: JobProcessor) => async (job: Job<EvaluationJob>, token?: string) => {
    const id = job.id ?? "";
    running.set(id, job.data);
    let handBack = () => undefined as void;
    const handedBack = new Promise<"handed-back">((resolve) => {
      handBack = () => resolve("handed-back");
      handBacks.add(handBack);
    });
    try {
      const result = await Promise.race([
        work(job.data, { id, attempt: job.attemptsMade }),
        handedBack,
      ]);
      if (result === "done") return;
      // Busy, or the instance is stopping: back to the queue without counting an attempt.
      await job.moveToDelayed(Date.now() + (result === "busy" ? BUSY_RETRY_MS : 0), token);
      throw new DelayedError();
    } finally {
      handBacks.delete(handBack);
      running.delete(id);
    }
  };

  return {
    backend: "redis",
    async add(id, job) {
      await queue.add(job.kind, job, {
        jobId: id,
        attempts,
        backoff: { type: "exponential", delay: backoffMs },
        removeOnComplete: { age: 24 * 3600, count: 5000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
    },
    start(work) {
      const startWorker = () => {
        const ownConnection = new Redis(options.url, { maxRetriesPerRequest: null });
        ownConnection.on("error", onError);
        const started = new Worker<EvaluationJob>(name, processWith(work), {
          connection: ownConnection,
          concurrency,
          lockDuration: lockMs,
          stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
          maxStalledCount: 3,
          autorun: false,
        });
        started.on("error", onError);
        started.run().catch(onError);
        worker = started;
        connection = ownConnection;
      };
      startWorker();
      const idleMs = options.idleWorkerMs ?? 30_000;
      const watch = watchIdleWorker({
        stuckMs: idleMs,
        running: () => running.size,
        waiting: () => queue.getWaitingCount(),
        async replace(waiting) {
          const stuck = worker;
          const stuckConnection = connection;
          if (stuck === undefined || stuck.closing) return;
          onError(
            new Error(
              `the queue's worker ran no job for ${idleMs / 1000} s while ${waiting} waited; it is replaced`,
            ),
          );
          startWorker();
          // It holds no job: closing it at once loses nothing.
          await stuck.close(true).catch(onError);
          stuckConnection?.disconnect();
        },
      });
      idleWatch = setInterval(() => void watch.check(), Math.min(5000, idleMs / 2));
      idleWatch.unref();
    },
    async stop(graceMs) {
      clearInterval(idleWatch);
      const current = worker;
      if (!current) return { handedBack: [] };
      // No new jobs from here on; running ones get the grace period.
      const closing = current.close();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const expired = new Promise<"expired">((resolve) => {
        timer = setTimeout(() => resolve("expired"), graceMs);
      });
      const outcome = await Promise.race([closing.then(() => "closed" as const), expired]);
      clearTimeout(timer);
      if (outcome === "closed") return { handedBack: [] };
      const handedBack = [...running.values()];
      for (const handBack of [...handBacks]) handBack();
      await closing.catch(onError);
      return { handedBack };
    },
    async counts() {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed");
      return {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
      };
    },
    async close() {
      clearInterval(idleWatch);
      await worker?.close(true).catch(onError);
      await queue.close().catch(onError);
      producer.disconnect();
      connection?.disconnect();
    },
  };
}
