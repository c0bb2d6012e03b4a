// The App on BullMQ as deployed: two App processes (build/app.mjs) and one redis-server started
// here, the simulator as the API (as GitHub Enterprise Server). Webhooks spread over both; one
// process is SIGKILLed while it is evaluating and restarted; another gets SIGTERM in the middle
// of an evaluation. Every pull request's final head ends with exactly one completed verdict and
// one sticky comment, and no check run is left in progress. "In the middle of an evaluation" is
// observed, never guessed: the simulator holds the evaluations' requests for the pull requests'
// files (a gate) until the test releases them, and the processes log `evaluating` with the check
// run they hold. Deadlines are failure timeouts only. Skipped with one line where redis-server is
// missing.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSimulator, generateAppKey, type Simulator } from "../github-simulator/index.js";
import type { TestAppKey } from "../github-simulator/index.js";
import type { IssueRecord } from "../github-simulator/types.js";
import { addedPatch } from "../github/sim-client.js";
import { pullRequestEvent } from "./payload-builders.js";
import {
  startAppProcess,
  startTogether,
  type AppProcess,
  type LogEntry,
} from "./redis-app-process.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "./redis-server.js";
import { waitFor } from "./start-app.js";

const describeRedis = describeWithRedis("the durable-queue tests (test/app/durable-queue.test.ts)");

// A failing size rule, so every verdict also writes the sticky comment.
const CONFIG =
  "rules:\n  size: { max-lines: 1 }\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";
const BASE = "b".repeat(40);
const BURST_PULLS = [11, 12, 13, 14];
const SLOW_PULL = 21;
const CRASH_PULL = 31;
// Crashed instances' jobs are taken over 3 s after their last heartbeat; SIGTERM waits 1 s. Two
// evaluations at a time per instance: with the four burst pull requests held at the gate, each
// instance holds exactly two of them (neither can take a third).
const ENV = {
  JOB_LOCK_SECONDS: "3",
  SHUTDOWN_GRACE_SECONDS: "1",
  QUEUE_CONCURRENCY: "2",
  LOG_FORMAT: "json",
};
const LONG = 60_000;

let redis: RedisServer | undefined;
let sim: Simulator | undefined;
let key: TestAppKey;
let apps: AppProcess[] = [];
/** Every process started, killed ones included: their output goes to test-artifacts/. */
const started: AppProcess[] = [];
const records = new Map<number, IssueRecord>();

const start = async () => {
  const app = await startAppProcess({
    key,
    gheHost: new URL(sim?.url ?? "http://invalid").host,
    redisUrl: redis?.url ?? "",
    env: ENV,
  });
  started.push(app);
  // "Listening" comes before the Redis connections are ready, and until then a webhook is
  // answered 503 (for GitHub to redeliver): a load balancer would wait for /health, so do we.
  await waitFor(async () => expect((await fetch(`${app.url}/health`)).status).toBe(200), LONG);
  return app;
};

/** A failed wait says which processes are still running, and where their logs are. */
async function waitOrExplain<T>(check: () => T, timeoutMs: number) {
  try {
    return await waitFor(check, timeoutMs);
  } catch (error) {
    const state = started.map(
      (app, i) => `#${i} pid ${app.pid} ${app.alive() ? "alive" : "exited"}`,
    );
    throw new Error(
      `${(error as Error).message}\nprocesses: ${state.join(", ")} (logs: test-artifacts/durable-queue-*.log)`,
    );
  }
}

beforeAll(async () => {
  redis = await startRedisServer();
  key = generateAppKey();
  sim = await createSimulator({ app: key.app, validate: false, basePath: "/api/v3" });
  sim.state.addInstallation({ account: "acme", id: 77 });
  for (const ref of ["main", BASE])
    sim.state.setFile("acme", "web", ref, ".github/shipgate.yml", CONFIG);
  for (const number of [...BURST_PULLS, SLOW_PULL, CRASH_PULL]) {
    const files = [{ filename: `src/pr${number}.ts`, patch: addedPatch(5) }];
    records.set(
      number,
      sim.state.addPullRequest("acme", "web", { number, files, base: { ref: "main", sha: BASE } }),
    );
  }
  apps = await startTogether([start, start]);
}, 60_000);

afterAll(async () => {
  // All of them: a restart that failed half-way leaves a running one outside `apps`.
  await Promise.all(started.map((app) => app.stop()));
  const dir = join(process.cwd(), "test-artifacts");
  mkdirSync(dir, { recursive: true });
  started.forEach((app, i) => writeFileSync(join(dir, `durable-queue-${i}.log`), app.output()));
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
/** The check runs an instance said it was evaluating (its structured `evaluating` lines). */
const evaluations = (app: AppProcess | undefined, number?: number): LogEntry[] =>
  (app?.logs() ?? []).filter(
    (line) =>
      typeof line.evaluating === "string" &&
      (number === undefined || line.pr === `acme/web#${number}`),
  );
const filesOf = (numbers: number[]) =>
  new RegExp(`^/repos/acme/web/pulls/(${numbers.join("|")})/files$`);

describeRedis("two App processes on one Redis (BullMQ)", () => {
  it("after a SIGKILL mid-evaluation and a restart: one verdict and one comment per final head, nothing in progress", async () => {
    const finals = new Map<number, string>();
    const answers: { status: number; ms: number }[] = [];
    let last: Awaited<ReturnType<typeof push>> | undefined;
    const send = async (app: AppProcess, number: number) => {
      last = await push(app, number);
      answers.push(last);
      finals.set(number, last.sha);
    };
    // First half of the burst, spread over both instances; their evaluations wait at the gate.
    const gate = sim?.hold({ method: "GET", path: filesOf(BURST_PULLS) });
    for (let i = 0; i < 8; i++) await send(apps[i % 2] as AppProcess, BURST_PULLS[i % 4] ?? 0);
    await gate?.waitForArrivals(BURST_PULLS.length, LONG);
    // The second instance is evaluating (it said so, with the check run it holds), and that run
    // is in progress: killing it now leaves a job, a lease and a check run behind.
    const held = await waitFor(() => {
      const lines = evaluations(apps[1]);
      expect(lines.length).toBeGreaterThan(0);
      return lines;
    }, LONG);
    for (const line of held) {
      expect(line).toMatchObject({ deliveryId: expect.any(String), jobId: expect.any(String) });
      expect(runs().find((r) => r.id === line.checkRunId)).toMatchObject({
        status: "in_progress",
      });
    }
    await apps[1]?.signal("SIGKILL");
    gate?.release();
    // Second half, all to the survivor, then the killed instance comes back.
    for (let i = 8; i < 16; i++) await send(apps[0] as AppProcess, BURST_PULLS[i % 4] ?? 0);
    apps[1] = await start();
    for (const answer of answers) expect(answer.status).toBe(202);

    await waitOrExplain(() => {
      for (const sha of finals.values()) expect(verdictsOn(sha)).toHaveLength(1);
      expect(runs().filter((r) => r.status !== "completed")).toEqual([]);
      // The sticky comment follows the check run.
      for (const number of BURST_PULLS) expect(botComments(number)).toHaveLength(1);
      // A failure timeout only: the killed instance's jobs, leases and throttle slots are freed
      // after JOB_LOCK_SECONDS (3 s here).
    }, 150_000);

    // A redelivery of the last webhook, to the restarted instance, does nothing: the instance
    // says so, and records no job (so nothing can write later).
    // Effects only: an installation token exchange (any instance, any time) changes nothing.
    const effects = () => sim?.writes().filter((w) => !w.path.startsWith("/app/installations/"));
    const writes = effects()?.length;
    const again = await apps[1]?.send("pull_request", last?.payload, {
      deliveryId: last?.deliveryId ?? "",
    });
    expect(again?.status).toBe(202);
    await waitFor(() =>
      expect(apps[1]?.logs()).toContainEqual(
        expect.objectContaining({
          deliveryId: last?.deliveryId,
          msg: "shipgate: duplicate delivery ignored",
        }),
      ),
    );
    expect(effects()?.length).toBe(writes);

    // What an operator sees: the queue drained, jobs by outcome, webhooks by answer.
    await waitFor(async () => {
      const metrics = await (await fetch(`${apps[0]?.url ?? ""}/metrics`)).text();
      expect(metrics).toMatch(/^shipgate_queue_jobs\{state="waiting"\} 0$/m);
      expect(metrics).toMatch(/^shipgate_queue_jobs\{state="active"\} 0$/m);
      expect(metrics).toMatch(/^shipgate_jobs_total\{outcome="published"\} [1-9]/m);
      expect(metrics).toMatch(/^shipgate_webhooks_total\{outcome="queued"\} [1-9]/m);
      expect(metrics).toMatch(/^shipgate_job_duration_seconds_count\{outcome="published"\} [1-9]/m);
    }, LONG);
    await waitFor(async () => {
      const health = await fetch(`${apps[1]?.url ?? ""}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: "ok",
        redis: "up",
        queue: { backend: "redis", waiting: 0, active: 0 },
      });
    }, LONG);
  }, 300_000);

  it("SIGTERM during an evaluation: the job is handed back and the other instance completes the check run", async () => {
    const gate = sim?.hold({ method: "GET", path: filesOf([SLOW_PULL]) });
    const { sha, deliveryId } = await push(apps[0] as AppProcess, SLOW_PULL);
    await gate?.waitForArrivals(1, LONG);
    // Whichever instance took the job is evaluating it now, held at the gate.
    const busy = await waitFor(() => {
      const found = apps.findIndex((app) => evaluations(app, SLOW_PULL).length > 0);
      expect(found).toBeGreaterThanOrEqual(0);
      return found;
    }, LONG);
    expect(evaluations(apps[busy], SLOW_PULL)).toEqual([
      expect.objectContaining({ deliveryId, jobId: deliveryId, head: sha, evaluating: sha }),
    ]);
    expect(runs().filter((r) => r.headSha === sha)).toEqual([
      expect.objectContaining({ status: "in_progress" }),
    ]);
    // The grace period (1 s) ends with the request still held: the job must be handed back.
    const code = await apps[busy]?.signal("SIGTERM");
    expect(code).toBe(0);
    expect(apps[busy]?.output()).toMatch(/handed back to the queue/);
    // The other instance takes it (once the stopped one's lease on the pull request has run out)
    // and reaches the same gate; then the API answers again.
    const other = apps[1 - busy];
    await gate?.waitForArrivals(2, LONG);
    gate?.release();
    await waitFor(() => {
      const onHead = runs().filter((r) => r.headSha === sha);
      expect(onHead).toEqual([
        expect.objectContaining({ status: "completed", conclusion: "failure" }),
      ]);
      expect(botComments(SLOW_PULL)).toHaveLength(1);
    }, LONG);
    expect(evaluations(other, SLOW_PULL)).toEqual([
      expect.objectContaining({ deliveryId, evaluating: sha }),
    ]);
    apps[busy] = await start();
  }, 180_000);

  it("killed before it learnt its check run's id: the run, on a head since moved, is completed as superseded", async () => {
    // The job's request to start its check run is held; both instances are killed meanwhile (so
    // whichever took the job is dead), and then the API starts the run: nobody ever hears its id.
    const gate = sim?.hold({ method: "POST", path: "/repos/acme/web/check-runs" });
    const first = await push(apps[0] as AppProcess, CRASH_PULL);
    expect(first.status).toBe(202);
    await gate?.waitForArrivals(1, LONG);
    await Promise.all(apps.map((app) => app.signal("SIGKILL")));
    gate?.release();
    const orphan = await waitFor(() => {
      const found = runs().find((r) => r.headSha === first.sha);
      expect(found).toMatchObject({ status: "in_progress" });
      return found;
    }, LONG);
    // The pull request moves on; the instances come back and take the jobs (the killed job too).
    apps = [await start(), await start()];
    const second = await push(apps[0] as AppProcess, CRASH_PULL);
    expect(second.status).toBe(202);
    await waitOrExplain(() => {
      expect(verdictsOn(second.sha)).toHaveLength(1);
      expect(runs().find((r) => r.id === orphan?.id)).toMatchObject({
        status: "completed",
        conclusion: "skipped",
        output: expect.objectContaining({ title: "Superseded by a newer push" }),
      });
      expect(runs().filter((r) => r.status !== "completed")).toEqual([]);
    }, LONG);
    expect(runs().filter((r) => r.headSha === first.sha)).toHaveLength(1);
  }, 180_000);
});
