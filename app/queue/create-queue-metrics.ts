// The queue's figures in the Prometheus text format (prom-client): jobs by state, read from the
// queue at each scrape, and evaluations finished by outcome with their duration.
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { QueueCounts } from "./job-queue.js";

export type JobOutcome = "published" | "superseded" | "errored" | "covered" | "failed";

export interface QueueMetrics {
  registry: Registry;
  /** A job finished (or failed an attempt) after `ms`. */
  observe(outcome: JobOutcome, ms: number): void;
  /** A webhook was answered: recorded or refused (503). */
  webhook(outcome: "queued" | "duplicate" | "refused"): void;
}

export function createQueueMetrics(counts: () => Promise<QueueCounts>): QueueMetrics {
  const registry = new Registry();
  new Gauge({
    name: "shipgate_queue_jobs",
    help: "Jobs in the queue by state (all instances when the queue is in Redis).",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      try {
        const now = await counts();
        for (const [state, value] of Object.entries(now)) this.set({ state }, value);
      } catch {
        // Redis away: the figures are unknown, and /health says why.
        this.reset();
      }
    },
  });
  const jobs = new Counter({
    name: "shipgate_jobs_total",
    help: "Jobs run by this instance, by outcome.",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "shipgate_job_duration_seconds",
    help: "How long a job ran on this instance.",
    labelNames: ["outcome"],
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const webhooks = new Counter({
    name: "shipgate_webhooks_total",
    help: "Webhooks answered by this instance: queued, duplicate (dropped) or refused (503).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  return {
    registry,
    observe(outcome, ms) {
      jobs.inc({ outcome });
      duration.observe({ outcome }, ms / 1000);
    },
    webhook: (outcome) => webhooks.inc({ outcome }),
  };
}
