// Several App instances side by side, sharing their job queue and Probot's request throttling
// through a real Redis (REDIS_URL); while Redis is killed they say so (503 to webhooks, /health)
// within seconds, and both work again once it returns.
// Each instance is app/server.ts in its own process; the API is the simulator (as GHE).
import { Redis } from "ioredis";
import { createSimulator, generateAppKey, type Simulator } from "../github-simulator/index.js";
import type { IssueRecord } from "../github-simulator/types.js";
import { addedPatch } from "../github/sim-client.js";
import { pullRequestEvent } from "./payload-builders.js";
import { startApiPrefixProxy, startAppProcess, type AppProcess } from "./redis-app-process.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "./redis-server.js";
import { waitFor } from "./start-app.js";

const describeRedis = describeWithRedis("the App-with-Redis tests (test/app/redis.test.ts)");

// A failing size rule, so every evaluation also writes the sticky comment.
const CONFIG =
  "rules:\n  size: { max-lines: 1 }\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";
const PULLS = [7, 8] as const;
const BASE = "b".repeat(40);
const BOUND_MS = 10_000;

let redis: RedisServer | undefined;
let sim: Simulator | undefined;
let proxy: { host: string; close(): Promise<void> } | undefined;
let apps: AppProcess[] = [];
const records = new Map<number, IssueRecord>();

beforeAll(async () => {
  redis = await startRedisServer();
  const key = generateAppKey();
  sim = await createSimulator({ app: key.app });
  sim.state.addInstallation({ account: "acme", id: 77 });
  // At the default branch and at the base commit, wherever the App reads it from.
  for (const ref of ["main", BASE])
    sim.state.setFile("acme", "web", ref, ".github/shipgate.yml", CONFIG);
  for (const number of PULLS) {
    const files = [{ filename: `src/pr${number}.ts`, patch: addedPatch(5) }];
    const seed = { number, files, base: { ref: "main", sha: BASE } };
    records.set(number, sim.state.addPullRequest("acme", "web", seed));
  }
  proxy = await startApiPrefixProxy(sim.url);
  const gheHost = proxy.host;
  apps = await Promise.all(
    [0, 1].map(() => startAppProcess({ key, gheHost, redisUrl: redis?.url ?? "" })),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await proxy?.close();
  await sim?.close();
  await redis?.kill();
});

const shaFor = (number: number, round: number) =>
  `${number.toString(16)}${round.toString(16)}`.padEnd(40, "e");

const runsFor = (sha: string) => sim?.state.checkRuns.filter((r) => r.headSha === sha) ?? [];

const ourComments = (number: number) =>
  sim?.state.commentsOn("acme", "web", number).filter((c) => c.user.login.endsWith("[bot]")) ?? [];

/** Pushes a new head to the PR, sends `synchronize` to `app`, returns ms to the completed check. */
async function push(app: AppProcess, number: number, round: number): Promise<number> {
  const sha = shaFor(number, round);
  const pull = records.get(number)?.pull;
  if (!pull) throw new Error(`no pull request #${number}`);
  pull.head.sha = sha;
  const started = Date.now();
  const response = await app.send(
    "pull_request",
    pullRequestEvent("synchronize", { number, headSha: sha }),
  );
  expect(response.status).toBeLessThan(300);
  await waitFor(
    () => expect(runsFor(sha)).toEqual([expect.objectContaining({ status: "completed" })]),
    20_000,
  );
  return Date.now() - started;
}

/** Both instances, each on its own PR, at the same time (they share the write limiter). */
const pushBoth = (round: number, [first, second] = apps) =>
  Promise.all([push(first!, 7, round), push(second!, 8, round)]);

/** Instances registered with the shared write limiter (one per installation: 77 here). */
async function bottleneckClients(): Promise<number> {
  const client = new Redis(redis?.url ?? "", { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await client.connect();
    return await client.zcard("b_octokit-write-77_client_last_seen");
  } finally {
    client.disconnect();
  }
}

async function health(app: AppProcess): Promise<{ status: number; body: { redis?: string } }> {
  const response = await fetch(`${app.url}/health`);
  return { status: response.status, body: (await response.json()) as { redis?: string } };
}

const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, "g"))?.length ?? 0;

describeRedis("two instances sharing REDIS_URL", () => {
  it("both complete check runs, pacing their writes through Redis", async () => {
    await pushBoth(1);
    // Jobs now go through the shared queue to whichever instance's worker takes them first, so
    // one instance may do every write: the writes went through the Redis limiter (a client is
    // registered there) and both instances joined it.
    expect(await bottleneckClients()).toBeGreaterThanOrEqual(1);
    for (const app of apps) expect(app.output()).toMatch(/request throttling is shared/);
  });

  it("keeps one sticky comment per PR whichever instance evaluates it", async () => {
    await pushBoth(2, [apps[1]!, apps[0]!]);
    for (const number of PULLS) expect(ourComments(number)).toHaveLength(1);
  });

  it("once Redis is killed, answers webhooks 503 at once (GitHub redelivers) and /health says so", async () => {
    await redis?.kill();
    for (const app of apps) {
      const started = Date.now();
      const response = await app.send(
        "pull_request",
        pullRequestEvent("synchronize", { number: 7, headSha: shaFor(7, 3) }),
      );
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(BOUND_MS);
      await waitFor(
        async () =>
          expect(await health(app)).toMatchObject({ status: 503, body: { redis: "down" } }),
        10_000,
      );
    }
    for (const app of apps) expect(app.output()).toMatch(/Redis is unreachable/);
  }, 60_000);

  it("takes webhooks and shares the throttling again when Redis returns", async () => {
    await redis?.restart();
    await waitFor(() => {
      for (const app of apps) expect(count(app.output(), /request throttling is shared/)).toBe(2);
    }, 15_000);
    for (const app of apps)
      await waitFor(async () => expect((await health(app)).status).toBe(200), 15_000);
    const times = await pushBoth(5);
    for (const ms of times) expect(ms).toBeLessThan(BOUND_MS);
    expect(await bottleneckClients()).toBeGreaterThanOrEqual(1);
    for (const number of PULLS) expect(ourComments(number)).toHaveLength(1);
    expect(sim?.violations).toEqual([]);
    // The only errors are the refusals while Redis was away.
    for (const app of apps) {
      const errors = app.output().match(/^\s*(ERROR|FATAL).*$/gm) ?? [];
      expect(errors.filter((line) => !/cannot queue events|could not queue/.test(line))).toEqual(
        [],
      );
    }
  }, 60_000);
});
