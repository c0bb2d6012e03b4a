// The App re-evaluates the open pull requests that depend on an item when it moves
// (pull_request.closed, issues.closed, issues.reopened): GitHub's own example payloads, through
// the real Probot server. One evaluation per dependant, nothing for the pull requests that only
// mention the item or depend on something else, and what finding them costs.
import { addedPatch } from "../github/sim-client.js";
import { BASE_SHA, pullRequestEvent, SCENARIO } from "./payload-builders.js";
import { startApp, type RunningApp } from "./start-app.js";
import { assertValidPayload, example, inScenario } from "./webhook-payloads.js";

const CONFIG =
  "rules:\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n  focus: { level: off }\n";
const head = (n: number) => String(n % 10).repeat(40);

let app: RunningApp;
beforeEach(async () => {
  app = seeded(await startApp());
});
afterEach(() => app.close());

/** acme/web with #5 and the pull requests around it (see each test). */
function seeded(app: RunningApp): RunningApp {
  app.sim.state.setFile("acme", "web", "main", ".github/shipgate.yml", CONFIG);
  app.sim.state.setFile("acme", "web", BASE_SHA, ".github/shipgate.yml", CONFIG);
  const pull = (number: number, body: string, fields: object = {}) =>
    app.sim.state.addPullRequest("acme", "web", {
      number,
      body,
      head: { ref: `branch-${number}`, sha: head(number) },
      base: { sha: BASE_SHA },
      files: [{ filename: "src/a.ts", patch: addedPatch(3) }],
      ...fields,
    });
  pull(5, "The API.", { head: { ref: "api", sha: head(5) } });
  pull(1, "Depends on #5");
  pull(2, "Blocked by acme/web#5 and #3");
  pull(3, "Mentions #5, depends on nothing");
  pull(4, "Depends on #50");
  pull(6, "Stacked on the API branch.", { base: { ref: "api", sha: BASE_SHA } });
  pull(8, "> Depends on #5 (quoted)");
  app.sim.state.addIssue("acme", "web", { number: 12, title: "Design sign-off" });
  pull(9, "Requires #12");
  return app;
}

/** Which pull requests got a check run (an evaluation), by head commit. */
const evaluated = () =>
  [...new Set(app.sim.state.checkRuns.map((r) => Number(r.headSha[0])))].sort((a, b) => a - b);
/** GitHub's `issues` example for `action` (closed has none: its reopened one, closed), for #12. */
function issuesEvent(action: "closed" | "reopened"): Record<string, unknown> {
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
  return payload;
}
const readsOf = (path: RegExp) => app.sim.reads().filter((r) => path.test(r.path));

describe("a dependency moves", () => {
  it("pull_request.closed (merged): its dependants by description and by stacking, one evaluation each", async () => {
    app.sim.state.addPullRequest("acme", "web", {
      number: 5,
      state: "closed",
      merged: true,
      head: { ref: "api", sha: head(5) },
    });
    const payload = pullRequestEvent("closed", { number: 5, headSha: head(5), state: "closed" });
    (payload.pull_request as { head: { ref: string } }).head.ref = "api";
    const response = await app.send("pull_request", payload);

    expect(response.status).toBe(202);
    expect(evaluated()).toEqual([1, 2, 6]);
    // One check run per dependant (created in progress, then completed: two writes), and the
    // sticky comment only where the verdict needs one (#2 still waits for #3).
    const writes = app.sim.writes().filter((w) => !w.path.startsWith("/app/"));
    expect(writes.map((w) => `${w.method} ${w.path.replace(/\/\d{4,}$/, "/{id}")}`).sort()).toEqual(
      [
        ...Array(3).fill("PATCH /repos/acme/web/check-runs/{id}"),
        ...Array(3).fill("POST /repos/acme/web/check-runs"),
        "POST /repos/acme/web/issues/2/comments",
      ],
    );
    expect(app.sim.state.checkRuns.map((r) => r.status)).toEqual([
      "completed",
      "completed",
      "completed",
    ]);
    // #1 now passes its dependency; #2 still waits for #3.
    const dependencies = (n: number) =>
      app.sim.state.checkRuns.find((r) => r.headSha === head(n))?.output.summary ?? "";
    expect(dependencies(1)).toMatch(/dependencies.*1 done/);
    expect(dependencies(2)).toMatch(/dependencies.*1 done, 1 open/);
    // Finding them: the config at the default branch, one search, one list of stacked ones.
    expect(readsOf(/^\/search\/issues$/).map((r) => r.query.q)).toEqual([
      'repo:acme/web is:pr is:open in:body "#5"',
    ]);
    expect(
      readsOf(/^\/repos\/acme\/web\/pulls$/)
        .filter((r) => "base" in r.query)
        .map((r) => r.query),
    ).toEqual([{ state: "open", base: "api", per_page: "100" }]);
    // Nothing written to the pull requests that do not depend on #5.
    const writesTo = (n: number) =>
      app.sim
        .writes()
        .filter(
          (w) =>
            w.path.includes(`/issues/${n}/`) ||
            w.path.includes(`/pulls/${n}/`) ||
            JSON.stringify(w.body ?? "").includes(head(n)),
        );
    for (const n of [3, 4, 8, 9]) expect(writesTo(n)).toEqual([]);
    expect(app.sim.violations).toEqual([]);
  });

  it.each(["closed", "reopened"])(
    "issues.%s: the pull requests that depend on the issue",
    async (action) => {
      await app.send("issues", issuesEvent(action as "closed" | "reopened"));
      expect(evaluated()).toEqual([9]);
    },
  );

  it("does nothing when the dependencies rule is off", async () => {
    app.sim.state.setFile(
      "acme",
      "web",
      "main",
      ".github/shipgate.yml",
      `${CONFIG}  dependencies: { level: off }\n`,
    );
    const payload = issuesEvent("closed");
    await app.send("issues", payload);
    expect(evaluated()).toEqual([]);
    expect(readsOf(/^\/search\/issues$/)).toEqual([]);
  });

  it("a redelivered webhook evaluates nobody twice", async () => {
    const payload = issuesEvent("closed");
    await app.send("issues", payload, { deliveryId: "d-1" });
    await app.send("issues", payload, { deliveryId: "d-1" });
    expect(app.sim.state.checkRuns).toHaveLength(1);
  });

  it("is answered at once: finding the dependants is the job's work, not the webhook's", async () => {
    const quick = seeded(await startApp({ app: { waitForJobs: false } }));
    try {
      // The search cannot be answered until the test lets it through.
      const gate = quick.sim.hold({ method: "GET", path: "/search/issues" });
      const response = await quick.post("issues", issuesEvent("closed"));
      expect(response.status).toBe(202);
      await gate.waitForArrivals(1);
      expect(quick.sim.state.checkRuns).toEqual([]);
      gate.release();
      await quick.idle();
      expect(quick.sim.state.checkRuns.map((r) => Number(r.headSha[0]))).toEqual([9]);
    } finally {
      await quick.close();
    }
  });
});
