// Once a verdict is published, failing to record it in the job store (Redis reconnecting after an
// outage) is logged and the job is done: it is not retried into a second evaluation.
import { createEvaluationQueue } from "../../../app/queue/create-evaluation-queue.js";
import { createMemoryJobStore } from "../../../app/queue/create-memory-job-store.js";
import { createMemoryTransport } from "../../../app/queue/create-memory-transport.js";
import { pullRequestEvent } from "../payload-builders.js";
import { startApp, type RunningApp } from "../start-app.js";

const HEAD = "c".repeat(40);
let app: RunningApp;
afterEach(() => app.close());

it("a verdict whose outcome cannot be recorded is not evaluated again", async () => {
  const store = createMemoryJobStore();
  const unreachable = () => Promise.reject(new Error("Stream isn't writeable"));
  const jobs = createEvaluationQueue(createMemoryTransport({ backoffMs: 5 }), {
    ...store,
    writeCovered: unreachable,
    writeInFlight: async (key, value) => (value ? store.writeInFlight(key, value) : unreachable()),
  });
  app = await startApp({ app: { jobs } });
  app.sim.state.addPullRequest("acme", "web", { number: 7, head: { sha: HEAD } });

  await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
  expect(app.sim.state.checkRuns).toEqual([expect.objectContaining({ status: "completed" })]);
  expect(app.logs.filter((l) => /: evaluating /.test(l.msg ?? ""))).toHaveLength(1);
  expect(app.logs.filter((l) => l.level >= 50)).toEqual([]);
  expect(app.logs).toContainEqual(
    expect.objectContaining({
      level: 40,
      msg: "shipgate: acme/web#7: could not record the evaluation's outcome",
    }),
  );
});
