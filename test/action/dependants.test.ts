// `mode: dependants`, the bundled Action as the runner runs it, on GitHub's own example payloads:
// when a pull request merges (or an issue closes or reopens), the latest run of the gate's
// workflow on each dependant's head is re-run; nothing else is, and what it costs is asserted.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pullRequestEvent, SCENARIO } from "../app/payload-builders.js";
import { assertValidPayload, example, inScenario } from "../app/webhook-payloads.js";
import { createSimulator, type Simulator } from "../github-simulator/index.js";
import { runBundledAction } from "./run-bundled-action.js";

const sha = (n: number) => String(n % 10).repeat(40);
const GATE = ".github/workflows/shipgate.yml";

let sim: Simulator;
beforeEach(async () => {
  sim = await createSimulator();
  const pull = (number: number, body: string, fields: object = {}) =>
    sim.state.addPullRequest("acme", "web", {
      number,
      body,
      head: { ref: `branch-${number}`, sha: sha(number) },
      ...fields,
    });
  pull(5, "The API.", { head: { ref: "api", sha: sha(5) }, state: "closed", merged: true });
  pull(1, "Depends on #5");
  pull(2, "See #5.\nDepends on #50");
  pull(3, "Blocked by #5");
  pull(6, "The page.", { base: { ref: "api" } });
  sim.state.addIssue("acme", "web", { number: 12 });
  pull(9, "Requires #12");
  for (const n of [1, 2, 6, 9])
    sim.state.addWorkflowRun("acme", "web", { path: GATE, headSha: sha(n), conclusion: "failure" });
  sim.state.addWorkflowRun("acme", "web", { path: GATE, headSha: sha(3), status: "in_progress" });
  sim.state.addWorkflowRun("acme", "web", { path: ".github/workflows/ci.yml", headSha: sha(1) });
});
afterEach(async () => {
  expect(sim.violations).toEqual([]);
  await sim.close();
});

async function run(event: string, payload: unknown, inputs: Record<string, string> = {}) {
  const workspace = await mkdtemp(path.join(tmpdir(), "shipgate-dependants-"));
  return runBundledAction({
    apiUrl: sim.url,
    event,
    payload,
    workspace,
    repository: "acme/web",
    inputs: { mode: "dependants", workflow: "shipgate.yml", ...inputs },
  });
}
const rerun = () =>
  sim.state.workflowRuns
    .filter((r) => r.reruns > 0)
    .map((r) => `${r.path.split("/").pop()}@${r.headSha[0]}`);

describe("mode: dependants", () => {
  it("pull_request closed: re-runs the gate of the dependants by description and by stacking", async () => {
    const payload = pullRequestEvent(
      "closed",
      { number: 5, headSha: sha(5), state: "closed" },
      SCENARIO,
    );
    (payload.pull_request as { head: { ref: string } }).head.ref = "api";
    const before = sim.requests.length;
    const action = await run("pull_request", payload);

    expect(action.stderr).toBe("");
    expect(action.code).toBe(0);
    expect(action.outputs.dependants).toBe("[1,3,6]");
    // #3's run is still going (it reads the new state); ci.yml is not the gate.
    expect(rerun()).toEqual(["shipgate.yml@1", "shipgate.yml@6"]);
    expect(action.stdout).toContain("#3: shipgate.yml run");
    const requests = sim.requests.slice(before);
    const count = (pattern: RegExp) =>
      requests.filter((r) => pattern.test(`${r.method} ${r.path}`)).length;
    // Finding them: the config, one search, one list; then per dependant a pull request read and
    // a list of its gate runs; one write per re-run.
    expect({
      search: count(/^GET \/search\/issues$/),
      stacked: count(/^GET \/repos\/acme\/web\/pulls$/),
      pulls: count(/^GET \/repos\/acme\/web\/pulls\/\d+$/),
      runs: count(/^GET .*\/actions\/workflows\/shipgate\.yml\/runs$/),
      reruns: count(/^POST .*\/rerun$/),
    }).toEqual({ search: 1, stacked: 1, pulls: 3, runs: 3, reruns: 2 });
  }, 60_000);

  it.each(["closed", "reopened"])(
    "issues %s: re-runs the gate of the pull requests that depend on the issue",
    async (action) => {
      const payload = inScenario(example("issues", action, "reopened"), SCENARIO);
      const issue = payload.issue as Record<string, unknown>;
      issue.number = 12;
      if (action === "closed")
        Object.assign(issue, {
          state: "closed",
          state_reason: "completed",
          closed_at: issue.updated_at,
        });
      assertValidPayload("issues", payload);
      const result = await run("issues", payload);
      expect(result.code).toBe(0);
      expect(result.outputs.dependants).toBe("[9]");
      expect(rerun()).toEqual(["shipgate.yml@9"]);
    },
    60_000,
  );

  it("does nothing on another activity, and nothing when the rule is off", async () => {
    const opened = await run(
      "pull_request",
      pullRequestEvent("opened", { number: 5, headSha: sha(5) }, SCENARIO),
    );
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain("nothing to do");
    sim.state.setFile(
      "acme",
      "web",
      "main",
      ".github/shipgate.yml",
      "rules:\n  dependencies:\n    level: off\n",
    );
    const payload = pullRequestEvent(
      "closed",
      { number: 5, headSha: sha(5), state: "closed" },
      SCENARIO,
    );
    const off = await run("pull_request", payload);
    expect(off.code).toBe(0);
    expect(rerun()).toEqual([]);
    expect(sim.writes()).toEqual([]);
  }, 60_000);
});
