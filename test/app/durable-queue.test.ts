// The App on BullMQ as deployed: two App processes (build/app.mjs) and one redis-server started
// here, the simulator as the API. Webhooks spread over both; one process is SIGKILLed mid-burst
// and restarted; another gets SIGTERM in the middle of a slow evaluation. Every pull request's
// final head ends with exactly one completed verdict and one sticky comment, and no check run is
// left in progress. Skipped with one line where redis-server is missing.
import { randomUUID } from "node:crypto";
import { createSimulator, generateAppKey, type Simulator } from "../github-simulator/index.js";
import type { TestAppKey } from "../github-simulator/index.js";
import type { IssueRecord } from "../github-simulator/types.js";
import { addedPatch } from "../github/sim-client.js";
import { pullRequestEvent } from "./payload-builders.js";
import { startApiPrefixProxy, startAppProcess, type AppProcess } from "./redis-app-process.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "./redis-server.js";
import { waitFor } from "./start-app.js";

const describeRedis = describeWithRedis("the durable-queue tests (test/app/durable-queue.test.ts)");

// A failing size rule, so every verdict also writes the sticky comment.
const CONFIG =
  "rules:\n  size: { max-lines: 1 }\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";
const BASE = "b".repeat(40);
const BURST_PULLS = [11, 12, 13, 14];
const SLOW_PULL = 21;
// Crashed instances' jobs are taken over 3 s after their last heartbeat; SIGTERM waits 1 s.
const ENV = { JOB_LOCK_SECONDS: "3", SHUTDOWN_GRACE_SECONDS: "1", LOG_FORMAT: "json" };

let redis: RedisServer | undefined;
let sim: Simulator | undefined;
let proxy: { host: string; close(): Promise<void> } | undefined;
let key: TestAppKey;
let apps: AppProcess[] = [];
let slowFiles = false;
const records = new Map<number, IssueRecord>();

const start = () =>
  startAppProcess({ key, gheHost: proxy?.host ?? "", redisUrl: redis?.url ?? "", env: ENV });

beforeAll(async () => {
  redis = await startRedisServer();
  key = generateAppKey();
  sim = await createSimulator({ app: key.app, validate: false });
  sim.state.addInstallation({ account: "acme", id: 77 });
  for (const ref of ["main", BASE])
    sim.state.setFile("acme", "web", ref, ".github/shipgate.yml", CONFIG);
  for (const number of [...BURST_PULLS, SLOW_PULL]) {
    const files = [{ filename: `src/pr${number}.ts`, patch: addedPatch(5) }];
    records.set(
      number,
      sim.state.addPullRequest("acme", "web", { number, files, base: { ref: "main", sha: BASE } }),
    );
  }
  // The slow API: listing a pull request's files takes 4 s while `slowFiles` is set.
  proxy = await startApiPrefixProxy(sim.url, (method, path) =>
    slowFiles && method === "GET" && path.endsWith(`/pulls/${SLOW_PULL}/files`) ? 4000 : 0,
  );
  apps = await Promise.all([start(), start()]);
}, 60_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await proxy?.close();
  await sim?.close();
  await redis?.kill();
});

let round = 0;
const newHead = (number: number) =>
  `${number.toString(16)}${(++round).toString(16)}`.padEnd(40, "c");

/** Moves the PR's head and sends `synchronize` to `app`; returns the delivery id and head. */
async function push(app: AppProcess, number: number) {
  const sha = newHead(number);
  const pull = records.get(number)?.pull;
  if (!pull) throw new Error(`no pull request #${number}`);
  pull.head.sha = sha;
  const deliveryId = randomUUID();
  const payload = pullRequestEvent("synchronize", { number, headSha: sha });
  const started = Date.now();
  const response = await app.send("pull_request", payload, { deliveryId });
  return { sha, deliveryId, payload, status: response.status, ms: Date.now() - started };
}

const runs = () => sim?.state.checkRuns ?? [];
const verdictsOn = (sha: string) =>
  runs().filter((r) => r.headSha === sha && r.status === "completed" && r.conclusion !== "skipped");
const botComments = (number: number) =>
  sim?.state.commentsOn("acme", "web", number).filter((c) => c.user.login.endsWith("[bot]")) ?? [];

describeRedis("two App processes on one Redis (BullMQ)", () => {
  it("after a SIGKILL mid-burst and a restart: one verdict and one comment per final head, nothing in progress", async () => {
    const finals = new Map<number, string>();
    const answers: { status: number; ms: number }[] = [];
    let last: Awaited<ReturnType<typeof push>> | undefined;
    for (let i = 0; i < 16; i++) {
      const number = BURST_PULLS[i % BURST_PULLS.length] ?? 0;
      if (i === 8) {
        // Mid-burst: the second instance dies without a word, holding jobs and leases.
        expect(runs().some((r) => r.status !== "completed")).toBe(true);
        await apps[1]?.signal("SIGKILL");
      }
      const target = i < 8 ? apps[i % 2] : apps[0];
      last = await push(target as AppProcess, number);
      answers.push(last);
      finals.set(number, last.sha);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    apps[1] = await start();
    for (const answer of answers) expect(answer.status).toBe(202);

    await waitFor(() => {
      for (const sha of finals.values()) expect(verdictsOn(sha)).toHaveLength(1);
      expect(runs().filter((r) => r.status !== "completed")).toEqual([]);
      // The sticky comment follows the check run.
      for (const number of BURST_PULLS) expect(botComments(number)).toHaveLength(1);
    }, 90_000);

    // A redelivery of the last webhook, to the restarted instance, does nothing.
    const writes = sim?.writes().length;
    const again = await apps[1]?.send("pull_request", last?.payload, {
      deliveryId: last?.deliveryId ?? "",
    });
    expect(again?.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(sim?.writes().length).toBe(writes);
    expect(apps[1]?.output()).toMatch(/duplicate delivery ignored/);

    // What an operator sees: the queue drained, jobs by outcome, webhooks by answer.
    const metrics = await (await fetch(`${apps[0]?.url ?? ""}/metrics`)).text();
    expect(metrics).toMatch(/^shipgate_queue_jobs\{state="waiting"\} 0$/m);
    expect(metrics).toMatch(/^shipgate_jobs_total\{outcome="published"\} [1-9]/m);
    expect(metrics).toMatch(/^shipgate_webhooks_total\{outcome="queued"\} [1-9]/m);
    expect(metrics).toMatch(/^shipgate_job_duration_seconds_count/m);
    const health = await fetch(`${apps[1]?.url ?? ""}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: "ok",
      redis: "up",
      queue: { backend: "redis", active: 0 },
    });
  }, 150_000);

  it("SIGTERM during a slow evaluation: the check run is completed by the other instance", async () => {
    slowFiles = true;
    const sha = (await push(apps[0] as AppProcess, SLOW_PULL)).sha;
    // Whichever instance took the job is evaluating it now, stuck on the slow API.
    const evaluating = new RegExp(`acme/web#${SLOW_PULL}: evaluating`);
    const busy = await waitFor(() => {
      const found = apps.findIndex((app) => evaluating.test(app.output()));
      expect(found).toBeGreaterThanOrEqual(0);
      return found;
    }, 30_000);
    expect(runs().filter((r) => r.headSha === sha)).toEqual([
      expect.objectContaining({ status: "in_progress" }),
    ]);
    const code = await apps[busy]?.signal("SIGTERM");
    expect(code).toBe(0);
    expect(apps[busy]?.output()).toMatch(/handed back to the queue/);
    slowFiles = false;
    await waitFor(() => {
      const onHead = runs().filter((r) => r.headSha === sha);
      expect(onHead).toEqual([
        expect.objectContaining({ status: "completed", conclusion: "failure" }),
      ]);
      expect(botComments(SLOW_PULL)).toHaveLength(1);
    }, 60_000);
    apps[busy] = await start();
  }, 120_000);
});
