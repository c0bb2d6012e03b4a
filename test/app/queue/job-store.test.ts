// The job store, the same tests in memory and in a real Redis (skipped with one line without
// redis-server): leases are exclusive and end with their holder, coverage never moves back.
import { Redis } from "ioredis";
import { createMemoryJobStore } from "../../../app/queue/create-memory-job-store.js";
import { createRedisJobStore } from "../../../app/queue/create-redis-job-store.js";
import type { JobStore } from "../../../app/queue/job-store.js";
import { createRedisClient } from "../../../app/redis/redis-client-options.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "../redis-server.js";

function storeTests(name: string, make: () => JobStore, shared: boolean) {
  describe(`the job store (${name})`, () => {
    const stores: JobStore[] = [];
    const open = () => {
      const store = make();
      stores.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
    });
    let n = 0;
    const key = () => `acme/web#${++n}-${Date.now()}`;

    it("gives a pull request's lease to one holder at a time, across stores when shared", async () => {
      const a = open();
      const b = shared ? open() : a;
      const k = key();
      const lease = await a.lease(k, 5000);
      expect(lease?.held()).toBe(true);
      expect(await b.lease(k, 5000)).toBeNull();
      await lease?.release();
      const next = await b.lease(k, 5000);
      expect(next).not.toBeNull();
      await next?.release();
    });

    it("keeps a lease past its time while the holder renews it", async () => {
      const a = open();
      const k = key();
      const lease = await a.lease(k, 150);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(lease?.held()).toBe(true);
      expect(await a.lease(k, 150)).toBeNull();
      await lease?.release();
    });

    it("records coverage by event count, never moving back", async () => {
      const a = open();
      const k = key();
      expect(await a.readCovered(k)).toBeNull();
      expect(await a.lastSeq(k)).toBe(0);
      const first = await a.nextSeq(k);
      expect(first).toBeGreaterThan(0);
      expect(await a.nextSeq(k)).toBe(first + 1);
      expect(await a.lastSeq(k)).toBe(first + 1);
      await a.writeCovered(k, { seq: first + 1, head: "b".repeat(40) });
      await a.writeCovered(k, { seq: first, head: "a".repeat(40) });
      expect(await a.readCovered(k)).toEqual({ seq: first + 1, head: "b".repeat(40) });
    });

    it("confirms a lease while its holder has it, and not once released", async () => {
      const a = open();
      const lease = await a.lease(key(), 5000);
      expect(await lease?.confirm()).toBe(true);
      await lease?.release();
      expect(await lease?.confirm()).toBe(false);
      expect(lease?.held()).toBe(false);
    });

    it("answers a ping", async () => {
      await expect(open().ping()).resolves.toBeUndefined();
    });
  });
}

storeTests("in memory", () => createMemoryJobStore(), false);

let redis: RedisServer | undefined;
describeWithRedis("the Redis job store tests (test/app/queue/job-store.test.ts)")(
  "with redis-server",
  () => {
    beforeAll(async () => void (redis = await startRedisServer()), 20_000);
    afterAll(async () => redis?.kill());
    storeTests("Redis", () => createRedisJobStore(new Redis(redis?.url ?? "")), true);

    it("frees a crashed holder's lease once its time runs out", async () => {
      const crashed = new Redis(redis?.url ?? "");
      const store = createRedisJobStore(crashed);
      const other = createRedisJobStore(new Redis(redis?.url ?? ""));
      const k = `acme/web#crash-${Date.now()}`;
      expect(await store.lease(k, 300)).not.toBeNull();
      crashed.disconnect(); // no more renewals, as after SIGKILL
      expect(await other.lease(k, 300)).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const taken = await other.lease(k, 300);
      expect(taken).not.toBeNull();
      await taken?.release();
      await other.close();
    });

    it("takes a lapsed lease back on confirm, and refuses while another job holds it", async () => {
      const store = createRedisJobStore(new Redis(redis?.url ?? ""));
      const other = createRedisJobStore(new Redis(redis?.url ?? ""));
      const admin = new Redis(redis?.url ?? "");
      const k = `acme/web#lapse-${Date.now()}`;
      try {
        const lease = await store.lease(k, 5000);
        // Lapsed (Redis lost it, or was away longer than the lease), nobody took it: taken back.
        await admin.del(`shipgate:lease:${k}`);
        expect(await lease?.confirm()).toBe(true);
        expect(await other.lease(k, 5000)).toBeNull();
        // Lapsed again, and another job took it: not this holder's, and it stays the other's.
        await admin.del(`shipgate:lease:${k}`);
        const taken = await other.lease(k, 5000);
        expect(await lease?.confirm()).toBe(false);
        expect(lease?.held()).toBe(false);
        await lease?.release();
        expect(await taken?.confirm()).toBe(true);
        await taken?.release();
      } finally {
        await store.close();
        await other.close();
        admin.disconnect();
      }
    });

    it("counts on above every count taken before Redis lost its data", async () => {
      const store = createRedisJobStore(new Redis(redis?.url ?? ""));
      const admin = new Redis(redis?.url ?? "");
      try {
        const k = `acme/web#lost-${Date.now()}`;
        await store.nextSeq(k);
        const before = await store.nextSeq(k);
        // Redis restarts empty. A job that read `before` and evaluated while Redis was away
        // records its evaluation now, into the empty store (seen in CI: the next push was then
        // "covered" by that stale record, and its head never evaluated).
        await admin.flushall();
        await store.writeCovered(k, { seq: before, head: "a".repeat(40) });
        const after = await store.nextSeq(k);
        expect(after).toBeGreaterThan(before);
        expect(await store.lastSeq(k)).toBe(after);
      } finally {
        await store.close();
        admin.disconnect();
      }
    });

    it("answers a ping while connected, and refuses at once while Redis cannot be reached", async () => {
      const client = createRedisClient(redis?.url ?? "");
      await new Promise((resolve) => client.once("ready", resolve));
      const connected = createRedisJobStore(client);
      await expect(connected.ping()).resolves.toBeUndefined();
      await connected.close();
      // Nothing listens there: the fail-fast client (as app/server.ts uses) rejects, not waits.
      const away = createRedisJobStore(createRedisClient("redis://127.0.0.1:1"));
      away.ping().catch(() => undefined);
      await expect(away.ping()).rejects.toThrow();
      await away.close();
    });
  },
);
