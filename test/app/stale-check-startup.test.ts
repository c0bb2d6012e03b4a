// build/app.mjs as deployed without Redis: an instance SIGKILLed in the middle of an evaluation
// leaves its check run in progress, and nothing else will ever complete it. The next instance's
// sweep at start-up finds it (once older than STALE_CHECK_MINUTES) and evaluates into it, with no
// webhook at all.
import { createSimulator, generateAppKey, type Simulator } from "../github-simulator/index.js";
import { addedPatch } from "../github/sim-client.js";
import { BASE_SHA, pullRequestEvent } from "./payload-builders.js";
import { startAppProcess, type AppProcess } from "./redis-app-process.js";
import { waitFor } from "./start-app.js";

const HEAD = "d".repeat(40);
const CONFIG =
  "rules:\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";
const LONG = 60_000;

let sim: Simulator | undefined;
const apps: AppProcess[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  await sim?.close();
});

it("a check run left in progress by a killed instance is re-evaluated at the next start-up", async () => {
  const key = generateAppKey();
  sim = await createSimulator({ app: key.app, basePath: "/api/v3" });
  sim.state.addInstallation({ account: "acme", id: 77 });
  sim.state.setFile("acme", "web", BASE_SHA, ".github/shipgate.yml", CONFIG);
  sim.state.addPullRequest("acme", "web", {
    number: 7,
    head: { sha: HEAD },
    base: { sha: BASE_SHA },
    files: [{ filename: "src/a.ts", patch: addedPatch(3) }],
  });
  const start = async () => {
    const app = await startAppProcess({
      key,
      gheHost: new URL(sim?.url ?? "").host,
      env: { LOG_FORMAT: "json", STALE_CHECK_MINUTES: "1" },
    });
    apps.push(app);
    return app;
  };

  // The first instance dies while its evaluation waits for the pull request's files.
  const gate = sim.hold({ method: "GET", path: "/repos/acme/web/pulls/7/files" });
  const first = await start();
  const answer = await first.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
  expect(answer.status).toBe(202);
  await gate.waitForArrivals(1, LONG);
  await first.signal("SIGKILL");
  gate.release();
  const [left] = sim.state.checkRuns;
  expect(sim.state.checkRuns).toEqual([expect.objectContaining({ status: "in_progress" })]);
  // An hour passes (the run's start moves back; STALE_CHECK_MINUTES is 1).
  if (left) left.startedAt = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, "Z");

  const second = await start();
  await waitFor(() => {
    expect(sim?.state.checkRuns).toEqual([
      expect.objectContaining({ id: left?.id, status: "completed", conclusion: "success" }),
    ]);
  }, LONG);
  expect(second.logs()).toContainEqual(
    expect.objectContaining({
      msg: "shipgate: swept for stale check runs",
      requeued: 1,
      repositories: 1,
    }),
  );
  expect(second.logs()).toContainEqual(
    expect.objectContaining({ pr: "acme/web#7", head: HEAD, checkRunId: left?.id }),
  );
}, 120_000);
