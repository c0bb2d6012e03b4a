// Webhooks are answered once the job is recorded (202), before the evaluation; hosts that freeze
// the process after the answer (AWS Lambda) ask for the answer after the work instead.
import { issueCommentCreated, pullRequestEvent } from "./payload-builders.js";
import { startApp, type RunningApp } from "./start-app.js";

const HEAD = "c".repeat(40);
const apps: RunningApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function started(waitForJobs: boolean): Promise<RunningApp> {
  const app = await startApp({ app: { waitForJobs } });
  app.sim.state.addPullRequest("acme", "web", { number: 7, head: { sha: HEAD } });
  apps.push(app);
  return app;
}

describe("acknowledging webhooks", () => {
  it("answers 202 before the evaluation has written its verdict", async () => {
    const app = await started(false);
    // The evaluation cannot finish before the test lets the files through.
    const gate = app.sim.hold({ method: "GET", path: "/repos/acme/web/pulls/7/files" });
    const response = await app.post("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    expect(response.status).toBe(202);
    await gate.waitForArrivals(1);
    expect(app.sim.state.checkRuns.filter((r) => r.status === "completed")).toEqual([]);
    gate.release();
    await app.idle();
    expect(app.sim.state.checkRuns).toEqual([expect.objectContaining({ status: "completed" })]);
  });

  it("answers a /shipgate command 202 before the permission check and the evaluation", async () => {
    const app = await started(false);
    // Whether the commenter may override is asked of the API, which waits for the test.
    const gate = app.sim.hold({ method: "GET", path: /\/collaborators\/[^/]+\/permission$/ });
    app.sim.state.setRole("acme", "web", "maria", "maintain");
    const response = await app.post(
      "issue_comment",
      issueCommentCreated(`/shipgate override size ${HEAD.slice(0, 7)} Reviewed by hand`, {
        login: "maria",
      }),
    );
    expect(response.status).toBe(202);
    await gate.waitForArrivals(1);
    expect(app.sim.state.checkRuns).toEqual([]);
    gate.release();
    await app.idle();
    expect(app.sim.state.checkRuns).toEqual([expect.objectContaining({ status: "completed" })]);
    // The override is on record in the check run: who lifted which rule.
    expect(app.sim.state.checkRuns[0]?.output.summary).toContain("maria");
  });

  it("answers 202 whatever the backlog: nothing a webhook does waits for an evaluation", async () => {
    const app = await started(false);
    const pulls = [7, 8, 9, 10, 11, 12];
    const headOf = (number: number) => `${number}`.padEnd(40, "e");
    app.sim.state.repo("acme", "web")?.issues.delete(7);
    for (const number of pulls)
      app.sim.state.addPullRequest("acme", "web", { number, head: { sha: headOf(number) } });
    // Every evaluation stops at the gate: the queue's runners are all taken and jobs pile up.
    const gate = app.sim.hold({ method: "GET", path: /^\/repos\/acme\/web\/pulls\/\d+\/files$/ });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const number = pulls[i % pulls.length] ?? 7;
      const event = pullRequestEvent("synchronize", { number, headSha: headOf(number) });
      statuses.push((await app.post("pull_request", event)).status);
    }
    expect(statuses).toEqual(Array.from({ length: 60 }, () => 202));
    await gate.waitForArrivals(4); // the in-process queue runs 4 at a time
    const counts = await app.jobs.queue.counts();
    expect(counts.active + counts.waiting + counts.delayed).toBeGreaterThan(4);
    expect(app.sim.state.checkRuns.filter((r) => r.status === "completed")).toEqual([]);
    gate.release();
    await app.idle();
    // Then the backlog drains: one verdict per head, nothing left in progress.
    for (const number of pulls) {
      const runs = app.sim.state.checkRuns.filter((r) => r.headSha === headOf(number));
      expect(runs).toEqual([expect.objectContaining({ status: "completed" })]);
    }
  });

  it("with waitForJobs, answers once the verdict is written", async () => {
    const app = await started(true);
    const response = await app.post("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    expect(response.status).toBe(202);
    expect(app.sim.state.checkRuns).toEqual([expect.objectContaining({ status: "completed" })]);
  });
});
