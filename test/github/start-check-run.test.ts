// Starting the `shipgate` check run, including a create whose answer was lost.
import { serverError } from "../github-simulator/index.js";
import { startCheckRun } from "../../shared/github/start-check-run.js";
import { startSimClient, type SimClient } from "./sim-client.js";

const HEAD = "a".repeat(40);
const repo = { owner: "acme", repo: "shop" };

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
  s.sim.state.addRepo("acme", "shop");
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

describe("startCheckRun", () => {
  it("creates one in_progress run named shipgate, carrying the external id", async () => {
    const id = await startCheckRun(s.client, repo, HEAD, "delivery-1");
    expect(s.sim.state.checkRuns).toEqual([
      expect.objectContaining({
        id,
        name: "shipgate",
        headSha: HEAD,
        status: "in_progress",
        externalId: "delivery-1",
      }),
    ]);
  });

  it("finds the run by its external id when the create's answer was lost (502 after write)", async () => {
    s.sim.fail(serverError(502, { method: "POST", path: /check-runs$/, afterWrite: true }));
    const id = await startCheckRun(s.client, repo, HEAD, "delivery-2");
    expect(s.sim.state.checkRuns.map((run) => run.id)).toEqual([id]);
  });

  it("creates it again when the failed create never happened", async () => {
    s.sim.fail(serverError(502, { method: "POST", path: /check-runs$/ }));
    const id = await startCheckRun(s.client, repo, HEAD, "delivery-3");
    expect(s.sim.state.checkRuns.map((run) => run.id)).toEqual([id]);
  });

  it("lets a client error (4xx) through: retrying would not help", async () => {
    s.sim.fail({ method: "POST", path: /check-runs$/, status: 403 });
    await expect(startCheckRun(s.client, repo, HEAD, "delivery-4")).rejects.toMatchObject({
      status: 403,
    });
    expect(s.sim.state.checkRuns).toEqual([]);
  });
});
