// The queue's port, the same tests against both transports: in-process, and BullMQ on a real
// redis-server (skipped with one line where redis-server is missing).
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { createBullmqTransport } from "../../../app/queue/create-bullmq-transport.js";
import {
  createEvaluationQueue,
  type EvaluationQueue,
} from "../../../app/queue/create-evaluation-queue.js";
import { createMemoryJobStore } from "../../../app/queue/create-memory-job-store.js";
import { createMemoryTransport } from "../../../app/queue/create-memory-transport.js";
import { createRedisJobStore } from "../../../app/queue/create-redis-job-store.js";
import type { EvaluationJob } from "../../../app/queue/evaluation-job.js";
import type { TransportTuning } from "../../../app/queue/job-queue.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "../redis-server.js";
import { waitFor } from "../start-app.js";

const TUNING: Partial<TransportTuning> = {
  concurrency: 4,
  attempts: 3,
  backoffMs: 150,
  lockMs: 2000,
};

type Make = () => EvaluationQueue;
const opened: EvaluationQueue[] = [];

const makeJob = (over: Partial<EvaluationJob> = {}): EvaluationJob => ({
  kind: "pull_request",
  action: "synchronize",
  deliveryId: randomUUID(),
  installationId: 77,
  owner: "acme",
  repo: "web",
  number: 7,
  headSha: "a".repeat(40),
  ...over,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function portTests(name: string, describeIt: jest.Describe, make: () => Make) {
  describeIt(`the job queue (${name})`, () => {
    let open: Make;
    beforeAll(() => void (open = make()));
    afterEach(async () => {
      for (const queue of opened.splice(0)) {
        await queue.stop(100);
        await queue.close();
      }
    });
    const queue = () => {
      const made = open();
      opened.push(made);
      return made;
    };

    it("runs each job once, numbering each pull request's events in order", async () => {
      const q = queue();
      const seen: EvaluationJob[] = [];
      const repo = `web-${randomUUID()}`;
      for (const number of [1, 2, 1]) await q.add(makeJob({ repo, number }));
      q.start(async (job) => {
        seen.push(job);
        return "done";
      });
      await waitFor(() => expect(seen).toHaveLength(3));
      // Counts are per pull request and go up by one per event; where they start is the store's
      // (Redis starts a new count at its clock: create-redis-job-store.ts).
      const seqsOf = (number: number) =>
        seen.filter((j) => j.number === number).map((j) => j.seq ?? 0);
      const [first = 0, second] = [...seqsOf(1)].sort((a, b) => a - b);
      expect(first).toBeGreaterThan(0);
      expect(second).toBe(first + 1);
      expect(seqsOf(2)).toHaveLength(1);
      expect(seqsOf(2)[0]).toBeGreaterThan(0);
    });

    it("drops a redelivered delivery id, on any queue sharing the store", async () => {
      const [a, b] = [queue(), queue()];
      const job = makeJob();
      expect(await a.add(job)).toBe("queued");
      expect(await a.add(job)).toBe("duplicate");
      if (a.backend === "redis") expect(await b.add(job)).toBe("duplicate");
    });

    it("retries a failing job with doubling waits, then gives up", async () => {
      const q = queue();
      const at: number[] = [];
      await q.add(makeJob());
      q.start(async () => {
        at.push(Date.now());
        throw new Error("GitHub answered 502");
      });
      await waitFor(() => expect(at).toHaveLength(3), 5000);
      await sleep(200);
      expect(at).toHaveLength(3);
      // Each retry waits longer than the one before (150 ms, then 300 ms).
      const [first = 0, second = 0, third = 0] = at;
      expect(second - first).toBeGreaterThanOrEqual(140);
      expect(third - second).toBeGreaterThanOrEqual(280);
      await waitFor(async () => expect((await q.counts()).failed).toBe(1));
    });

    it("runs a busy job again later without counting an attempt", async () => {
      const q = queue();
      let calls = 0;
      await q.add(makeJob());
      q.start(async () => (++calls < 6 ? "busy" : "done"));
      await waitFor(() => expect(calls).toBe(6), 10_000);
    });

    it("on stop, waits for a running job within the grace period", async () => {
      const q = queue();
      let finished = false;
      await q.add(makeJob());
      let started = false;
      q.start(async () => {
        started = true;
        await sleep(300);
        finished = true;
        return "done";
      });
      await waitFor(() => expect(started).toBe(true));
      expect(await q.stop(5000)).toEqual({ handedBack: [] });
      expect(finished).toBe(true);
    });

    it("on stop, hands back a job still running when the grace period ends", async () => {
      const q = queue();
      const job = makeJob();
      await q.add(job);
      let started = false;
      q.start(async () => {
        started = true;
        return new Promise<"done">(() => undefined);
      });
      await waitFor(() => expect(started).toBe(true));
      const { handedBack } = await q.stop(200);
      expect(handedBack.map((j) => j.deliveryId)).toEqual([job.deliveryId]);
      if (q.backend === "redis") {
        // Another instance takes it at once: it is waiting again, not stuck as active.
        const other = queue();
        const taken: string[] = [];
        other.start(async (j) => {
          taken.push(j.deliveryId);
          return "done";
        });
        await waitFor(() => expect(taken).toEqual([job.deliveryId]), 5000);
      }
    });
  });
}

portTests(
  "in-process",
  describe,
  () => () => createEvaluationQueue(createMemoryTransport(TUNING), createMemoryJobStore()),
);

let redis: RedisServer | undefined;
const describeRedis = describeWithRedis("the BullMQ job queue tests (test/app/queue/)");
describeRedis("with redis-server", () => {
  beforeAll(async () => void (redis = await startRedisServer()), 20_000);
  afterAll(async () => redis?.kill());
  let queueName = "";
  beforeEach(() => void (queueName = `test-${randomUUID()}`));
  portTests("BullMQ on Redis", describe, () => {
    // One queue per test; a test's queues share it and the Redis store, as instances do.
    return () =>
      createEvaluationQueue(
        createBullmqTransport({ url: redis?.url ?? "", queueName, ...TUNING }),
        createRedisJobStore(new Redis(redis?.url ?? "")),
      );
  });
});
