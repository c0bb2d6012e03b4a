// Probot's webhook endpoint refuses what GitHub did not sign: no handler runs, no API call is made.
import { pullRequestEvent } from "./payload-builders.js";
import { sign, startApp, type RunningApp } from "./start-app.js";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app.close());

const payload = () => pullRequestEvent("opened", { headSha: "c".repeat(40) });

describe("webhook signatures", () => {
  it.each([
    ["a missing signature", { signature: null }],
    ["a wrong signature", { signature: sign("something else") }],
    [
      "a signature made with another secret",
      { signature: sign(JSON.stringify(payload()), "nope") },
    ],
    ["a malformed signature", { signature: "sha256=zz" }],
    ["a malformed body", { rawBody: "{not json", signature: sign("{not json") }],
  ])("%s gets a 4xx and no API call", async (_name, options) => {
    const before = app.sim.requests.length;
    const response = await app.send("pull_request", payload(), options);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(app.sim.requests.length).toBe(before);
    expect(app.sim.state.checkRuns).toEqual([]);
  });

  it("a correctly signed delivery is accepted (the control case)", async () => {
    app.sim.state.addPullRequest("acme", "web", { number: 7, head: { sha: "c".repeat(40) } });
    const response = await app.send("pull_request", payload());
    expect(response.status).toBe(202);
    expect(app.sim.state.checkRuns).toHaveLength(1);
  });
});
