// Several App instances side by side, sharing their job queue and Probot's request throttling
// through a real Redis (REDIS_URL); while Redis is killed they say so (503 to webhooks, /health)
// within seconds, and both work again once it returns.
// Each instance is app/server.ts in its own process; the API is the simulator (as GHE). Each runs
// one evaluation at a time, and the simulator holds the evaluations' requests for the files (a
// gate) until both pull requests are being evaluated: then each instance holds one, so both
// write through the shared limiter, whichever took which job from the shared queue.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { createSimulator, generateAppKey, type Simulator } from "../github-simulator/index.js";
import type { IssueRecord } from "../github-simulator/types.js";
import { addedPatch } from "../github/sim-client.js";
import { pullRequestEvent } from "./payload-builders.js";
import { startAppProcess, startTogether, type AppProcess } from "./redis-app-process.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "./redis-server.js";
import { waitFor } from "./start-app.js";

const describeRedis = describeWithRedis("the App-with-Redis tests (test/app/redis.test.ts)");

// A failing size rule, so every evaluation also writes the sticky comment.
const CONFIG =
  "rules:\n  size: { max-lines: 1 }\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";
const PULLS = [7, 8] as const;
const BASE = "b".repeat(40);
const BOUND_MS = 10_000;
const LONG = 60_000;

let redis: RedisServer | undefined;
let sim: Simulator | undefined;
let apps: AppProcess[] = [];
/** Every App started, stopped in afterAll even when the other one failed to start. */
const started: AppProcess[] = [];
const records = new Map<number, IssueRecord>();

beforeAll(async () => {
  redis = await startRedisServer();
  const key = generateAppKey();
  sim = await createSimulator({ app: key.app, basePath: "/api/v3" });
  sim.state.addInstallation({ account: "acme", id: 77 });
  // At the default branch and at the base commit, wherever the App reads it from.
  for (const ref of ["main", BASE])
    sim.state.setFile("acme", "web", ref, ".github/shipgate.yml", CONFIG);
  for (const number of PULLS) {
    const files = [{ filename: `src/pr${number}.ts`, patch: addedPatch(5) }];
    const seed = { number, files, base: { ref: "main", sha: BASE } };
    records.set(number, sim.state.addPullRequest("acme", "web", seed));
  }
  const gheHost = new URL(sim.url).host;
  const env = { QUEUE_CONCURRENCY: "1" };
  const start = async () => {
    const app = await startAppProcess({ key, gheHost, redisUrl: redis?.url ?? "", env });
    started.push(app);
    return app;
  };
  apps = await startTogether([start, start]);
}, 60_000);

afterAll(async () => {
  await Promise.all(started.map((app) => app.stop()));
  // Each instance's log, to tell afterwards why a job was slow or stuck.
  const dir = join(process.cwd(), "test-artifacts");
  mkdirSync(dir, { recursive: true });
  apps.forEach((app, i) => writeFileSync(join(dir, `redis-${i}.log`), app.output()));
  await sim?.close();
  await redis?.kill();
});

const shaFor = (number: number, round: number) =>
  `${number.toString(16)}${round.toString(16)}`.padEnd(40, "e");

const runsFor = (sha: string) => sim?.state.checkRuns.filter((r) => r.headSha === sha) ?? [];

const ourComments = (number: number) =>
  sim?.state.commentsOn("acme", "web", number).filter((c) => c.user.login.endsWith("[bot]")) ?? [];

/** Pushes a new head to the PR, sends `synchronize` to `app`, waits for the completed check. */
async function push(app: AppProcess, number: number, round: number): Promise<void> {
  const sha = shaFor(number, round);
  const pull = records.get(number)?.pull;
  if (!pull) throw new Error(`no pull request #${number}`);
  pull.head.sha = sha;
  const response = await app.send(
    "pull_request",
    pullRequestEvent("synchronize", { number, headSha: sha }),
  );
  expect(response.status).toBe(202);
  await waitFor(
    () => expect(runsFor(sha)).toEqual([expect.objectContaining({ status: "completed" })]),
    LONG,
  );
}

/**
 * A push to each PR, one webhook to each instance; both evaluations wait at the gate until both
 * have started, so each instance evaluates one of them (and writes its check run).
 */
async function pushBoth(round: number, [first, second] = apps, waitMs = LONG): Promise<void> {
  const gate = sim?.hold({ method: "GET", path: /^\/repos\/acme\/web\/pulls\/[78]\/files$/ });
  const pushes = Promise.all([push(first!, 7, round), push(second!, 8, round)]);
  try {
    await gate?.waitForArrivals(2, waitMs);
  } catch (error) {
    pushes.catch(() => undefined); // the failure below says it all
    // What each instance was doing, in the failure itself (CI keeps the output, not the files).
    const tails = apps.map(
      (app, i) =>
        `instance ${i} (${app.alive() ? "alive" : "exited"}), last lines:\n${logTail(app.output())}`,
    );
    throw new Error(`${(error as Error).message}\n${tails.join("\n")}`);
  } finally {
    gate?.release();
  }
  await pushes;
}

/** The last messages of a log, one line each, without debug lines or stack frames. */
const logTail = (output: string) =>
  output
    .split("\n")
    .filter((line) => /^(INFO|WARN|ERROR|FATAL)|^\s+(message|jobId|pr|head|evaluating):/.test(line))
    .slice(-60)
    .join("\n");

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
    // Each instance wrote (its check run) through the Redis limiter: both are registered there.
    expect(await bottleneckClients()).toBeGreaterThanOrEqual(2);
    for (const app of apps) expect(app.output()).toMatch(/request throttling is shared/);
  }, 120_000);

  it("keeps one sticky comment per PR whichever instance evaluates it", async () => {
    await pushBoth(2, [apps[1]!, apps[0]!]);
    for (const number of PULLS) expect(ourComments(number)).toHaveLength(1);
  }, 120_000);

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
        LONG,
      );
    }
    for (const app of apps) expect(app.output()).toMatch(/Redis is unreachable/);
  }, 180_000);

  it("takes webhooks and shares the throttling again when Redis returns", async () => {
    await redis?.restart();
    await waitFor(() => {
      for (const app of apps) expect(count(app.output(), /request throttling is shared/)).toBe(2);
    }, LONG);
    for (const app of apps)
      await waitFor(async () => expect((await health(app)).status).toBe(200), LONG);
    // After Redis comes back, one instance's first job once took over 60 s to reach the gate (a
    // clean-clone CI run on a loaded machine; not reproduced in 4 runs since). Not established
    // why; the suspect is the shared limiter's 60-s timeout for a slot held when Redis went away.
    await pushBoth(5, apps, 3 * LONG);
    expect(await bottleneckClients()).toBeGreaterThanOrEqual(2);
    for (const number of PULLS) expect(ourComments(number)).toHaveLength(1);
    expect(sim?.violations).toEqual([]);
    // The only errors are the refusals while Redis was away.
    for (const app of apps) {
      const errors = app.output().match(/^\s*(ERROR|FATAL).*$/gm) ?? [];
      expect(errors.filter((line) => !/cannot queue events|could not queue/.test(line))).toEqual(
        [],
      );
    }
  }, 360_000);
});
