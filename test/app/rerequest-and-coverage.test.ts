// check_run / check_suite rerequested (fork PRs arrive without pull_requests) and coverage from a
// CI workflow's artifact: pending until the workflow completes, then judged from the zip.
import { makeZip } from "../github/make-zip.js";
import { addedPatch } from "../github/sim-client.js";
import {
  checkRunRerequested,
  BASE_SHA,
  checkSuiteRerequested,
  pullRequestEvent,
  workflowRunCompleted,
} from "./payload-builders.js";
import { startApp, type RunningApp } from "./start-app.js";

const HEAD = "c".repeat(40);
const COVERAGE_CONFIG = [
  "rules:",
  "  rollout-notes: { level: off }",
  "  linked-risks: { level: off }",
  "  coverage:",
  "    min-patch: 80",
  "    artifact: { workflow: ci.yml, name: coverage }",
  "",
].join("\n");
const LINES = 240;

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
  app.sim.state.addPullRequest("acme", "web", {
    number: 7,
    head: { sha: HEAD },
    base: { sha: BASE_SHA },
    files: [{ filename: "src/a.ts", patch: addedPatch(LINES) }],
  });
});
afterEach(() => app.close());

const runsOf = (sha = HEAD) => app.sim.state.checkRuns.filter((r) => r.headSha === sha);

/** LCOV where every odd changed line is not run: LINES / 2 separate uncovered ranges. */
function lcovZip(): Buffer {
  const records = Array.from(
    { length: LINES },
    (_, i) => `DA:${i + 1},${(i + 1) % 2 === 0 ? 1 : 0}`,
  );
  const lcov = ["TN:", "SF:src/a.ts", ...records, "end_of_record", ""].join("\n");
  return makeZip({ "lcov.info": lcov, "README.txt": "not a report" });
}

describe("rerequested checks", () => {
  it("check_run.rerequested evaluates the PRs it names again", async () => {
    await app.send("check_run", checkRunRerequested(HEAD, [7]));
    expect(runsOf()).toEqual([expect.objectContaining({ status: "completed" })]);
    expect(app.sim.violations).toEqual([]);
  });

  it("check_run.rerequested for another app's check does nothing", async () => {
    await app.send("check_run", checkRunRerequested(HEAD, [7], "lint"));
    expect(app.sim.state.checkRuns).toEqual([]);
  });

  it("check_suite.rerequested for a fork PR (empty pull_requests) finds the PR by head SHA", async () => {
    await app.send("check_suite", checkSuiteRerequested(HEAD, []));
    expect(runsOf()).toEqual([expect.objectContaining({ status: "completed" })]);
    expect(app.sim.requests.some((r) => r.path === `/repos/acme/web/commits/${HEAD}/pulls`)).toBe(
      true,
    );
    expect(app.sim.violations).toEqual([]);
  });
});

describe("coverage from a CI workflow artifact", () => {
  // At the base commit, which evaluations read; and at the default branch, which workflow_run
  // reads to tell the coverage workflow from the others before any write.
  beforeEach(() => {
    for (const ref of [BASE_SHA, "main"])
      app.sim.state.setFile("acme", "web", ref, ".github/shipgate.yml", COVERAGE_CONFIG);
  });

  it("is pending, saying what it waits for, until the workflow completes", async () => {
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    const run = runsOf()[0];
    expect(run).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(run?.output.title).toMatch(/coverage pending/);
    expect(run?.output.summary).toMatch(/ci\.yml/);
  });

  it("judges the artifact's reports when the workflow completes; every annotation arrives", async () => {
    app.sim.state.addArtifact("acme", "web", 555, { name: "coverage", data: lcovZip() });
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    await app.send(
      "workflow_run",
      workflowRunCompleted({
        id: 555,
        headSha: HEAD,
        path: ".github/workflows/ci.yml",
        pulls: [7],
      }),
    );
    const run = runsOf().at(-1);
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(run?.output.summary).toMatch(/coverage/);
    expect(run?.annotations).toHaveLength(LINES / 2);
    const patches = app.sim.requests.filter(
      (r) => r.method === "PATCH" && r.path === `/repos/acme/web/check-runs/${run?.id}`,
    );
    expect(patches.length).toBe(Math.ceil(LINES / 2 / 50));
    expect(app.sim.violations).toEqual([]);

    // A later event for the same head still knows the run: coverage is not pending again.
    await app.send("pull_request", pullRequestEvent("edited", { headSha: HEAD }));
    expect(runsOf().at(-1)?.output.title).not.toMatch(/pending/);
  });

  it("says so when the workflow finished without the artifact", async () => {
    await app.send(
      "workflow_run",
      workflowRunCompleted({
        id: 556,
        headSha: HEAD,
        path: ".github/workflows/ci.yml",
        pulls: [7],
      }),
    );
    const run = runsOf().at(-1);
    expect(run?.output.text).toMatch(/without uploading this artifact/);
  });

  it("ignores other workflows without a write", async () => {
    await app.send(
      "workflow_run",
      workflowRunCompleted({
        id: 557,
        headSha: HEAD,
        path: ".github/workflows/lint.yml",
        pulls: [7],
      }),
    );
    expect(app.sim.writes().filter((w) => !w.path.startsWith("/app/"))).toEqual([]);
  });
});
