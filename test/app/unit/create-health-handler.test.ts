// GET /health: 200 only while both the queue and the job store answer (they use different Redis
// connections, which come back from an outage at different moments), and while not stopping.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { EvaluationQueue } from "../../../app/queue/create-evaluation-queue.js";
import { createHealthHandler } from "../../../app/queue/create-health-handler.js";
import { createMemoryJobStore } from "../../../app/queue/create-memory-job-store.js";
import { createQueueMetrics } from "../../../app/queue/create-queue-metrics.js";

const COUNTS = { waiting: 2, active: 1, delayed: 0, failed: 0 };
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function health(queue: Partial<EvaluationQueue>, stopping = false) {
  const full = { backend: "redis", counts: async () => COUNTS, ...queue } as EvaluationQueue;
  const handler = createHealthHandler(full, createQueueMetrics(full.counts), {
    stopping: () => stopping,
  });
  const server = createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const store = createMemoryJobStore();

describe("GET /health", () => {
  it("is ok with the queue's counts while the queue and the store answer", async () => {
    expect(await health({ store })).toEqual({
      status: 200,
      body: { status: "ok", redis: "up", queue: { backend: "redis", ...COUNTS } },
    });
  });

  it("is degraded while the job store does not answer, though the queue does", async () => {
    const down = { ...store, ping: () => Promise.reject(new Error("Connection is closed.")) };
    expect(await health({ store: down })).toMatchObject({
      status: 503,
      body: { status: "degraded", redis: "down", problem: expect.stringMatching(/closed/) },
    });
  });

  it("is degraded while the queue does not answer, and says stopping while stopping", async () => {
    const counts = () => Promise.reject(new Error("ECONNREFUSED"));
    expect(await health({ store, counts })).toMatchObject({ status: 503, body: { redis: "down" } });
    expect(await health({ store }, true)).toMatchObject({
      status: 503,
      body: { status: "stopping" },
    });
  });
});
