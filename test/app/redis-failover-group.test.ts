// The throttle's limiter groups against a real Redis: pacing shared between instances while Redis
// answers, every job run exactly once across a failover, and sharing again after it returns.
import Bottleneck from "bottleneck";
import {
  createFailoverGroup,
  type FailoverGroup,
  type FailoverGroupOptions,
} from "../../app/redis/create-failover-group.js";
import {
  createSharedThrottle,
  type SharedThrottle,
} from "../../app/redis/create-shared-throttle.js";
import { createRedisClient } from "../../app/redis/redis-client-options.js";
import { describeWithRedis, freePort, startRedisServer, type RedisServer } from "./redis-server.js";
import { waitFor } from "./start-app.js";

const describeRedis = describeWithRedis(
  "the Redis failover tests (test/app/redis-failover-group.test.ts)",
);

const MIN_TIME = 200;
let redis: RedisServer;
const connections: Bottleneck.IORedisConnection[] = [];
const throttles: SharedThrottle[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.disconnect(false)));
  await Promise.all(throttles.splice(0).map((t) => t.close()));
  await redis.restart();
});
afterAll(() => redis.kill());

let groupId = 0;
/** An "instance": a group paced at MIN_TIME, shared through its own Redis connection. */
async function instance(id: string, options: FailoverGroupOptions = {}): Promise<FailoverGroup> {
  const connection = new Bottleneck.IORedisConnection({ client: createRedisClient(redis.url) });
  connections.push(connection);
  await connection.ready;
  const group = createFailoverGroup(
    { id, maxConcurrent: 1, minTime: MIN_TIME, timeout: 60_000 },
    () => undefined,
    options,
  );
  group.recover(connection);
  return group;
}

/** A job that records when it started and how often it ran. */
function recorder() {
  const starts: number[] = [];
  const runs = new Map<string, number>();
  const job =
    (name: string, ms = 0) =>
    async () => {
      starts.push(Date.now());
      runs.set(name, (runs.get(name) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return name;
    };
  const gaps = () => starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
  return { job, runs, gaps };
}

describeRedis("createFailoverGroup with Redis", () => {
  it("paces two instances' jobs together, one MIN_TIME apart", async () => {
    const id = `pace-${++groupId}`;
    const [a, b] = [await instance(id), await instance(id)];
    const { job, gaps } = recorder();
    const names = ["a1", "b1", "a2", "b2"];
    const results = await Promise.all(
      names.map((name) => (name.startsWith("a") ? a : b).key("k").schedule({}, job(name))),
    );
    expect(results).toEqual(names);
    // Starts are observed on this process's timers, which a busy machine fires late (a late
    // start shortens the next gap): unpaced jobs start together, paced ones about MIN_TIME apart.
    for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(MIN_TIME / 2);
    const span = gaps().reduce((sum, gap) => sum + gap, 0);
    expect(span).toBeGreaterThanOrEqual(2.5 * MIN_TIME);
  });

  it("passes on the job's result and its error", async () => {
    const group = await instance(`result-${++groupId}`);
    await expect(group.key().schedule({}, (x: unknown) => x, 42)).resolves.toBe(42);
    const boom = new Error("boom");
    await expect(
      group.key().schedule({}, async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });

  it("on failover, runs each waiting job once, locally and at the same pace", async () => {
    const group = await instance(`failover-${++groupId}`);
    const { job, runs, gaps } = recorder();
    const names = ["j1", "j2", "j3", "j4", "j5"];
    const all = Promise.all(names.map((name) => group.key().schedule({}, job(name, 50))));
    await waitFor(() => expect(runs.size).toBeGreaterThanOrEqual(1));
    group.failover();
    expect(await all).toEqual(names);
    expect([...runs.values()]).toEqual([1, 1, 1, 1, 1]);
    expect(group.waiting()).toBe(0);
    // Starts are observed on this process's timers, which a busy machine fires late (a late
    // start shortens the next gap): unpaced jobs start together, paced ones about MIN_TIME apart.
    for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(MIN_TIME / 2);
    const span = gaps().reduce((sum, gap) => sum + gap, 0);
    expect(span).toBeGreaterThanOrEqual(2.5 * MIN_TIME);
  });

  it("frees a killed instance's slot after slotExpiryMs, not the plugin's minute", async () => {
    const id = `expiry-${++groupId}`;
    const b = await instance(id, { slotExpiryMs: 1000 });
    const a = await instance(id, { slotExpiryMs: 1000 });
    const killed = connections.pop(); // a's, disconnected here (not again after the test)
    let started = false;
    // The plugin asks for a minute; the request of the instance killed now never ends.
    void a.key("k").schedule({ expiration: 60_000 }, () => {
      started = true;
      return new Promise(() => undefined);
    });
    await waitFor(() => expect(started).toBe(true));
    await killed?.disconnect(false);
    const since = Date.now();
    await expect(b.key("k").schedule({ expiration: 60_000 }, async () => "b")).resolves.toBe("b");
    // Redis frees the expired slot at its next tick (a heartbeat every 5 s at most).
    expect(Date.now() - since).toBeLessThan(15_000);
  });

  it("shares again through Redis after recover", async () => {
    const id = `recover-${++groupId}`;
    const [a, b] = [await instance(id), await instance(id)];
    a.failover();
    b.failover();
    a.recover(connections[0]!);
    b.recover(connections[1]!);
    const { job, gaps } = recorder();
    await Promise.all([a, b, a, b].map((g, i) => g.key("k").schedule({}, job(`x${i}`))));
    // Starts are observed on this process's timers, which a busy machine fires late (a late
    // start shortens the next gap): unpaced jobs start together, paced ones about MIN_TIME apart.
    for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(MIN_TIME / 2);
    const span = gaps().reduce((sum, gap) => sum + gap, 0);
    expect(span).toBeGreaterThanOrEqual(2.5 * MIN_TIME);
  });
});

describeRedis("createSharedThrottle when Redis is killed", () => {
  const quiet = { info: () => undefined, warn: () => undefined };

  it("runs writes waiting for their turn at once, locally, exactly once", async () => {
    const throttle = createSharedThrottle(redis.url, { log: quiet });
    throttles.push(throttle);
    await waitFor(() => expect(throttle.isShared()).toBe(true));
    const write = throttle.throttleOptions.write.key("no-id");
    const { job, runs } = recorder();
    const names = ["w1", "w2", "w3"];
    // Shared writes are a second apart: w2 and w3 are still waiting when Redis goes.
    const all = Promise.all(names.map((name) => write.schedule({ expiration: 60_000 }, job(name))));
    await waitFor(() => expect(runs.has("w1")).toBe(true));
    const killedAt = Date.now();
    await redis.kill();
    expect(await all).toEqual(names);
    // Locally they keep the one-second pace, but nothing waits for Redis.
    expect(Date.now() - killedAt).toBeLessThan(3_000);
    expect([...runs.values()]).toEqual([1, 1, 1]);
    expect(throttle.isShared()).toBe(false);
  });

  it("works per instance, and says so once, when Redis never answers", async () => {
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => void warnings.push(m) };
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    const throttle = createSharedThrottle(nobody, { log, startupWarningMs: 300 });
    throttles.push(throttle);
    const write = throttle.throttleOptions.write.key("no-id");
    await expect(write.schedule({}, async () => "done")).resolves.toBe("done");
    await waitFor(() => expect(warnings).toEqual([expect.stringMatching(/does not answer/)]));
    expect(throttle.isShared()).toBe(false);
  });

  // Bottleneck recovers from these itself (another instance's tick forgets a client idle for 10 s;
  // an idle limiter's settings expire), if it recognises Redis 7's "ERR "-prefixed replies.
  it.each([
    ["a client Redis forgot registers again", "client_last_seen"],
    ["a limiter whose settings expired is set up again", "settings"],
  ])("%s, without turning sharing off", async (_, suffix) => {
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => void warnings.push(m) };
    const throttle = createSharedThrottle(redis.url, { log });
    throttles.push(throttle);
    await waitFor(() => expect(throttle.isShared()).toBe(true));
    const write = throttle.throttleOptions.write.key("no-id");
    await expect(write.schedule({}, async () => "first")).resolves.toBe("first");
    const admin = createRedisClient(redis.url);
    try {
      const keys = await waitFor(async () => {
        const found = await admin.keys(`b_octokit-write-no-id_${suffix}`);
        expect(found).toHaveLength(1);
        return found;
      });
      await admin.del(...keys);
    } finally {
      admin.disconnect();
    }
    await expect(write.schedule({}, async () => "again")).resolves.toBe("again");
    expect(warnings).toEqual([]);
    expect(throttle.isShared()).toBe(true);
  });

  it("reports shared again when Redis returns", async () => {
    const throttle = createSharedThrottle(redis.url, { log: quiet });
    throttles.push(throttle);
    await waitFor(() => expect(throttle.isShared()).toBe(true));
    await redis.kill();
    await waitFor(() => expect(throttle.isShared()).toBe(false));
    await redis.restart();
    await waitFor(() => expect(throttle.isShared()).toBe(true), 10_000);
  });
});
