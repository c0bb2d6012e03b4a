// The sweep for check runs left in progress (app/queue/sweep-stale-check-runs.ts), against the
// simulator: it queues a re-evaluation into this App's run on an open pull request's current head
// once it is older than the timeout, leaves everything else alone, walks installations and
// repositories a bounded slice at a time, and runs on one instance at a time.
import { pino } from "pino";
import { Probot } from "probot";
import { createGitHubClient, type OctokitLike } from "../../app/create-github-client.js";
import {
  createStaleCheckSweep,
  type StaleCheckSweepOptions,
  type SweepReport,
} from "../../app/queue/sweep-stale-check-runs.js";
import type { AppInfo, CheckRunRecord } from "../github-simulator/types.js";
import { addedPatch } from "../github/sim-client.js";
import { BASE_SHA } from "./payload-builders.js";
import { startApp, waitFor, type RunningApp } from "./start-app.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const LONG_AGO = "2026-03-01T11:00:00Z";
const JUST_NOW = "2026-03-01T11:58:00Z";
const TEN_MINUTES = 10 * 60_000;
const CONFIG =
  "rules:\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";
const head = (n: number) => `${n}`.repeat(40).slice(0, 40);

let app: RunningApp;
let shipgate: AppInfo;
const warnings: { msg?: string; jobId?: string; pr?: string; head?: string }[] = [];

beforeEach(async () => {
  app = await startApp();
  shipgate = { id: app.key.app.id, slug: "shipgate", name: "Shipgate", owner: "shipgate" };
  app.sim.state.setFile("acme", "web", BASE_SHA, ".github/shipgate.yml", CONFIG);
  warnings.length = 0;
});
afterEach(() => app.close());

function sweeper(options: Partial<StaleCheckSweepOptions> = {}) {
  const probot = new Probot({
    appId: app.key.app.id,
    privateKey: app.key.privateKey,
    baseUrl: app.sim.url,
    log: pino({ level: "silent" }),
  });
  const log = {
    info: () => undefined,
    error: () => undefined,
    warn: (fields: object | string, msg?: string) =>
      void warnings.push({ ...(typeof fields === "object" ? fields : {}), msg }),
  };
  return createStaleCheckSweep({
    queue: app.jobs.queue,
    auth: async (id, signal) =>
      createGitHubClient((await probot.auth(id)) as unknown as OctokitLike, { signal }),
    log,
    now: () => NOW,
    staleAfterMs: TEN_MINUTES,
    everyMs: 0,
    ...options,
  });
}

function addPull(number: number, state: "open" | "closed" = "open", repo = "web") {
  const record = app.sim.state.addPullRequest("acme", repo, {
    number,
    head: { sha: head(number) },
    base: { sha: BASE_SHA },
    files: [{ filename: "src/a.ts", patch: addedPatch(3) }],
  });
  record.state = state;
  return record;
}

/** A check run some instance started and never completed. */
function leftRun(sha: string, startedAt: string, by: AppInfo = shipgate): CheckRunRecord {
  const run: CheckRunRecord = {
    id: app.sim.state.nextId(),
    owner: "acme",
    repo: "web",
    name: "shipgate",
    headSha: sha,
    status: "in_progress",
    conclusion: null,
    startedAt,
    completedAt: null,
    detailsUrl: null,
    externalId: "a-lost-delivery",
    output: { title: null, summary: null, text: null },
    annotations: [],
    app: by,
  };
  app.sim.state.checkRuns.push(run);
  return run;
}

const pullListings = () =>
  app.sim.requests
    .filter((r) => r.method === "GET" && /^\/repos\/[^/]+\/[^/]+\/pulls$/.test(r.path))
    .map((r) => r.path.split("/").slice(2, 4).join("/"));

describe("the sweep for check runs left in progress", () => {
  it("re-evaluates this App's run on an open PR's current head once it is older than the timeout, and nothing else", async () => {
    addPull(7);
    addPull(8, "closed");
    addPull(9);
    const stale = leftRun(head(7), LONG_AGO);
    const others = [
      leftRun(head(7), LONG_AGO, {
        id: 15368,
        slug: "github-actions",
        name: "GitHub Actions",
        owner: "github",
      }),
      leftRun("f".repeat(40), LONG_AGO), // a head PR #7 has left
      leftRun(head(8), LONG_AGO), // a closed pull request
      leftRun(head(9), JUST_NOW), // younger than the timeout
    ];

    const report = await sweeper().sweep();
    expect(report).toMatchObject({ skipped: false, repositories: 1, pulls: 2, requeued: 1 });
    await app.idle();
    // The same run, completed with the verdict; no second run on the head.
    expect(stale).toMatchObject({ status: "completed", conclusion: "success" });
    expect(
      app.sim.state.checkRuns.filter((r) => r.headSha === head(7) && r.app.slug === "shipgate"),
    ).toHaveLength(1);
    for (const run of others) expect(run.status).toBe("in_progress");
    expect(warnings).toEqual([
      expect.objectContaining({
        jobId: expect.stringMatching(`^stale-check-run-${stale.id}-`),
        pr: "acme/web#7",
        head: head(7),
        msg: expect.stringContaining(`check run ${stale.id} in progress since ${LONG_AGO}`),
      }),
    ]);
    // Completed now: the next sweep finds nothing to do.
    expect(await sweeper().sweep()).toMatchObject({ requeued: 0 });
    expect(app.sim.violations).toEqual([]);
  });

  it("queues a run once per timeout window, however many sweeps find it", async () => {
    addPull(7);
    leftRun(head(7), LONG_AGO);
    // The queue is stopped: the run stays in progress between the sweeps.
    await app.jobs.queue.stop(0);
    const first = await sweeper().sweep();
    const second = await sweeper().sweep();
    expect([first.requeued, second.requeued]).toEqual([1, 0]);
    expect(
      await sweeper({ now: () => new Date(NOW.getTime() + TEN_MINUTES) }).sweep(),
    ).toMatchObject({ requeued: 1 });
  });

  it("walks every installation's repositories a bounded slice per sweep, continuing where it stopped", async () => {
    app.sim.state.addInstallation({ id: 78, account: "beta" });
    app.sim.state.addInstallation({ id: 79, account: "gamma", repositories: ["two"] });
    for (const [owner, repo] of [
      ["acme", "web"],
      ["acme", "api"],
      ["beta", "one"],
      ["gamma", "two"],
      ["gamma", "hidden"],
    ])
      app.sim.state.addRepo(owner ?? "", repo ?? "");
    const sweep = sweeper({ maxRepositories: 2 });

    const reports: SweepReport[] = [];
    const seen: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const before = pullListings().length;
      reports.push(await sweep.sweep());
      seen.push(pullListings().slice(before));
    }
    expect(seen).toEqual([["acme/web", "acme/api"], ["beta/one", "gamma/two"], []]);
    expect(reports.map((r) => r.repositories)).toEqual([2, 2, 0]);
    // The walk is over: the next sweep starts again from the first repository.
    const before = pullListings().length;
    await sweep.sweep();
    expect(pullListings().slice(before)).toEqual(["acme/web", "acme/api"]);

    // A request budget stops a sweep early too (here: GET /app, the installations, one listing).
    const tight = await sweeper({ maxRequests: 3 }).sweep();
    expect(tight.requests).toBeLessThanOrEqual(3);
    expect(tight.repositories).toBe(0);
    expect(app.sim.violations).toEqual([]);
  });

  it("runs on one instance at a time", async () => {
    addPull(7);
    const gate = app.sim.hold({ method: "GET", path: "/repos/acme/web/pulls" });
    const first = sweeper().sweep();
    await gate.waitForArrivals(1);
    // The first sweep holds the lease (it is waiting for the API): another one stands aside.
    expect(await sweeper().sweep()).toMatchObject({ skipped: true, requests: 0 });
    gate.release();
    expect(await first).toMatchObject({ skipped: false, repositories: 1 });
  });

  it("sweeps at start-up, then every interval until stopped", async () => {
    addPull(7);
    const reports: SweepReport[] = [];
    const sweep = sweeper({ everyMs: 20, onSwept: (report) => void reports.push(report) });
    sweep.start();
    await waitFor(() => expect(reports.length).toBeGreaterThanOrEqual(2));
    await sweep.stop();
    expect(reports[0]).toMatchObject({ skipped: false, repositories: 1 });
  });

  it("tries the sweep at start-up again until it runs when the job store cannot answer yet", async () => {
    addPull(7);
    const reports: SweepReport[] = [];
    const { queue } = app.jobs;
    let refused = 0;
    // Redis still connecting: the store refuses its first request (the sweep's lease).
    const connecting = {
      ...queue,
      store: {
        ...queue.store,
        lease: (key: string, ttlMs: number) =>
          refused++ === 0
            ? Promise.reject(new Error("Stream isn't writeable"))
            : queue.store.lease(key, ttlMs),
      },
    };
    const sweep = sweeper({
      queue: connecting,
      everyMs: 0,
      retryMs: 20,
      onSwept: (report) => void reports.push(report),
    });
    sweep.start();
    await waitFor(() => expect(reports).toEqual([expect.objectContaining({ repositories: 1 })]));
    await sweep.stop();
    expect(warnings).toContainEqual(
      expect.objectContaining({ msg: "shipgate: the sweep for stale check runs failed" }),
    );
  });
  it("stops at once while GitHub does not answer, without waiting out the retries", async () => {
    // No answer (a network error): the client backs off 1, 2 and 4 s before it gives up, and a
    // SIGTERM's stop() waited for all of that before the jobs got their grace period.
    let requests = 0;
    const unreachable: OctokitLike = {
      request: () => {
        requests++;
        return Promise.reject(new Error("fetch failed"));
      },
    };
    const sweep = sweeper({
      auth: async (_id, signal) => createGitHubClient(unreachable, { signal }),
    });
    sweep.start();
    await waitFor(() => expect(requests).toBe(1));
    const stopping = Date.now();
    await sweep.stop();
    expect(Date.now() - stopping).toBeLessThan(900);
    expect(requests).toBe(1);
  });
});

describe("a stale-check job", () => {
  const job = (number: number, headSha: string, checkRunId: number) => ({
    kind: "stale_check" as const,
    deliveryId: `stale-check-run-${checkRunId}-1`,
    installationId: 77,
    owner: "acme",
    repo: "web",
    number,
    headSha,
    checkRunId,
  });

  it("does nothing when the run was completed meanwhile", async () => {
    addPull(7);
    const run = leftRun(head(7), LONG_AGO);
    run.status = "completed";
    run.conclusion = "success";
    await app.jobs.queue.add(job(7, head(7), run.id));
    await app.idle();
    // It read the run (and the pull request) and wrote nothing; its token exchange aside.
    expect(app.sim.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      `GET /repos/acme/web/check-runs/${run.id}`,
    );
    expect(app.sim.writes().filter((w) => !w.path.startsWith("/app/installations/"))).toEqual([]);
    expect(app.sim.state.checkRuns).toEqual([run]);
  });

  it("completes the run as superseded when the pull request's head has moved on", async () => {
    addPull(7);
    const run = leftRun("f".repeat(40), LONG_AGO);
    await app.jobs.queue.add(job(7, "f".repeat(40), run.id));
    await app.idle();
    expect(run).toMatchObject({ status: "completed", conclusion: "skipped" });
    expect(app.sim.state.checkRuns).toEqual([run]);
  });
});
