// A job publishes only while it holds its pull request. When its lease lapsed during the
// evaluation (Redis away longer than JOB_LOCK_SECONDS, or Redis lost its data) and another job
// took the pull request meanwhile, it publishes nothing and runs again once the other is done:
// two jobs never publish for one pull request side by side. A real App process, a real Redis.
import { Redis } from "ioredis";
import { createSimulator, generateAppKey, type Simulator } from "../github-simulator/index.js";
import { addedPatch } from "../github/sim-client.js";
import { pullRequestEvent } from "./payload-builders.js";
import { startAppProcess, type AppProcess } from "./redis-app-process.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "./redis-server.js";
import { waitFor } from "./start-app.js";

const describeRedis = describeWithRedis("the App's lease test (test/app/redis-lease.test.ts)");

const CONFIG =
  "rules:\n  size: { max-lines: 1 }\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";
const BASE = "b".repeat(40);
const HEAD = "9e".padEnd(40, "e");
const LEASE = "shipgate:lease:acme/web#9";

let redis: RedisServer | undefined;
let sim: Simulator | undefined;
let app: AppProcess | undefined;
let admin: Redis | undefined;

beforeAll(async () => {
  redis = await startRedisServer();
  admin = new Redis(redis.url);
  const key = generateAppKey();
  sim = await createSimulator({ app: key.app, basePath: "/api/v3" });
  sim.state.addInstallation({ account: "acme", id: 77 });
  for (const ref of ["main", BASE])
    sim.state.setFile("acme", "web", ref, ".github/shipgate.yml", CONFIG);
  const files = [{ filename: "src/pr9.ts", patch: addedPatch(5) }];
  const record = sim.state.addPullRequest("acme", "web", {
    number: 9,
    files,
    base: { ref: "main", sha: BASE },
  });
  if (!record.pull) throw new Error("no pull request #9");
  record.pull.head.sha = HEAD;
  app = await startAppProcess({
    key,
    gheHost: new URL(sim.url).host,
    redisUrl: redis.url,
    env: { QUEUE_CONCURRENCY: "1" },
  });
}, 60_000);

afterAll(async () => {
  await app?.stop();
  admin?.disconnect();
  await sim?.close();
  await redis?.kill();
});

const runs = () => sim?.state.checkRuns.filter((run) => run.headSha === HEAD) ?? [];
const comments = () =>
  sim?.state.commentsOn("acme", "web", 9).filter((c) => c.user.login.endsWith("[bot]")) ?? [];

describeRedis("a job whose lease lapsed while it evaluated", () => {
  it("publishes nothing while another job holds the pull request, then publishes once", async () => {
    const gate = sim?.hold({ method: "GET", path: /^\/repos\/acme\/web\/pulls\/9\/files$/ });
    const response = await app?.send(
      "pull_request",
      pullRequestEvent("synchronize", { number: 9, headSha: HEAD }),
    );
    expect(response?.status).toBe(202);
    try {
      await gate?.waitForArrivals(1, 30_000);
      // The job is evaluating and holds the lease. It lapses, and another job takes it.
      expect(await admin?.get(LEASE)).toBeTruthy();
      await admin?.set(LEASE, "another job", "PX", 60_000);
    } finally {
      gate?.release();
    }
    await waitFor(() => expect(app?.output()).toMatch(/another job took the pull request/), 30_000);
    expect(comments()).toEqual([]);
    expect(runs()).toEqual([expect.objectContaining({ status: "in_progress" })]);

    // The other job is done: this one runs again and publishes, into the same check run.
    await admin?.del(LEASE);
    await waitFor(
      () => expect(runs()).toEqual([expect.objectContaining({ status: "completed" })]),
      30_000,
    );
    await waitFor(() => expect(comments()).toHaveLength(1), 30_000);
  }, 120_000);
});
