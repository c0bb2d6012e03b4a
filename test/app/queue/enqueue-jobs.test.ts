// enqueueJobs: one event, several pull requests (the dependants of a merged one, say). Each gets
// its own evaluation, even two with the same number in different repositories, and a
// redelivery of the event queues none of them again.
import { enqueueJobs } from "../../../app/queue/enqueue-job.js";
import { addedPatch } from "../../github/sim-client.js";
import { BASE_SHA } from "../payload-builders.js";
import { startApp, type RunningApp } from "../start-app.js";

const CONFIG =
  "rules:\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";
const headOf = (repo: string, number: number) =>
  `${repo === "web" ? "a" : "b"}${number}`.padEnd(40, "0");
let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(() => app.close());

it("queues one evaluation per pull request under one delivery, and none on its redelivery", async () => {
  const pulls = [
    { repo: "web", number: 7 },
    { repo: "web", number: 8 },
    { repo: "api", number: 7 },
  ];
  for (const { repo, number } of pulls) {
    app.sim.state.setFile("acme", repo, BASE_SHA, ".github/shipgate.yml", CONFIG);
    app.sim.state.addPullRequest("acme", repo, {
      number,
      head: { sha: headOf(repo, number) },
      base: { sha: BASE_SHA },
      files: [{ filename: "src/a.ts", patch: addedPatch(2) }],
    });
  }
  const infos: unknown[] = [];
  const context = {
    id: "delivery-of-a-merge",
    log: { info: (fields: unknown) => void infos.push(fields), warn: () => {}, error: () => {} },
    payload: { installation: { id: 77 } },
  };
  const runtime = { jobs: app.jobs.queue, metrics: undefined, waitForJobs: false };
  const jobs = pulls.map(({ repo, number }) => ({
    kind: "rerequest" as const,
    owner: "acme",
    repo,
    number,
    headSha: "",
  }));

  await enqueueJobs(runtime, context, jobs);
  await app.idle();
  for (const { repo, number } of pulls) {
    const head = headOf(repo, number);
    expect(app.sim.state.checkRuns.filter((r) => r.repo === repo && r.headSha === head)).toEqual([
      expect.objectContaining({ status: "completed", conclusion: "success" }),
    ]);
  }

  const runs = app.sim.state.checkRuns.length;
  await enqueueJobs(runtime, context, jobs);
  await app.idle();
  expect(app.sim.state.checkRuns).toHaveLength(runs);
  expect(infos.at(-1)).toMatchObject({ deliveryId: "delivery-of-a-merge" });
});
