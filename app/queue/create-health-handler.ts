// GET /health and GET /metrics, as a Probot server handler. /health answers 200 while the
// instance takes work, 503 when Redis does not answer or the instance is shutting down (a load
// balancer then sends webhooks elsewhere); its JSON says which, and the queue's counts.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EvaluationQueue } from "./create-evaluation-queue.js";
import type { QueueMetrics } from "./create-queue-metrics.js";
import type { QueueCounts } from "./job-queue.js";

export interface HealthState {
  stopping(): boolean;
}

const COUNTS_TIMEOUT_MS = 1000;

export function createHealthHandler(
  queue: EvaluationQueue,
  metrics: QueueMetrics,
  state: HealthState,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET") return false;
    if (path === "/metrics") {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text);
      return true;
    }
    if (path !== "/health") return false;
    let counts: QueueCounts | null = null;
    let problem: string | null = null;
    try {
      // The queue (BullMQ's connections) and the job store (its own connection) may come back
      // from a Redis outage at different moments: healthy only once both answer.
      [counts] = await withTimeout(
        Promise.all([queue.counts(), queue.store.ping()]),
        COUNTS_TIMEOUT_MS,
      );
    } catch (error) {
      problem = `the queue does not answer: ${error instanceof Error ? error.message : String(error)}`;
    }
    const redis = queue.backend === "memory" ? "not configured" : problem ? "down" : "up";
    const stopping = state.stopping();
    const ok = problem === null && !stopping;
    const body = {
      status: ok ? "ok" : stopping ? "stopping" : "degraded",
      queue: { backend: queue.backend, ...(counts ?? {}) },
      redis,
      ...(problem ? { problem } : {}),
    };
    res
      .writeHead(ok ? 200 : 503, { "content-type": "application/json" })
      .end(`${JSON.stringify(body)}\n`);
    return true;
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
