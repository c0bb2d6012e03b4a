// Webhooks are answered once the job is recorded (202), before the evaluation; hosts that freeze
// the process after the answer (AWS Lambda) ask for the answer after the work instead.
import { pullRequestEvent } from "./payload-builders.js";
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
    const response = await app.post("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    expect(response.status).toBe(202);
    expect(app.sim.state.checkRuns.filter((r) => r.status === "completed")).toEqual([]);
    await app.idle();
    expect(app.sim.state.checkRuns).toEqual([expect.objectContaining({ status: "completed" })]);
  });

  it("with waitForJobs, answers once the verdict is written", async () => {
    const app = await started(true);
    const response = await app.post("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    expect(response.status).toBe(202);
    expect(app.sim.state.checkRuns).toEqual([expect.objectContaining({ status: "completed" })]);
  });
});
