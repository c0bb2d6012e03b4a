// The simulator's gates: a held request waits until the test releases it, while every other
// request is answered; the test learns that a request arrived instead of guessing when.
import { createSimulator, type Simulator } from "./github-simulator/index.js";

let sim: Simulator;
afterEach(async () => sim?.close());

const get = (path: string) =>
  fetch(`${sim.url}${path}`, { headers: { authorization: "token ghs_actions" } });

describe("holding requests", () => {
  it("holds matching requests until released, answering the others meanwhile", async () => {
    sim = await createSimulator({ basePath: "/api/v3" });
    sim.state.addPullRequest("acme", "web", { number: 7 });
    const gate = sim.hold({ method: "GET", path: /\/pulls\/7\/files$/ });
    let answered = false;
    const held = get("/repos/acme/web/pulls/7/files").then((r) => {
      answered = true;
      return r.status;
    });
    expect(await gate.waitForArrivals(1)).toEqual([
      { method: "GET", path: "/repos/acme/web/pulls/7/files" },
    ]);
    // Not held: answered although the request before it is still waiting.
    expect((await get("/repos/acme/web/pulls/7")).status).toBe(200);
    expect(answered).toBe(false);
    expect(sim.requests.map((r) => r.path)).toEqual(["/repos/acme/web/pulls/7"]);
    gate.release();
    expect(await held).toBe(200);
    // Released gates hold nothing more.
    expect((await get("/repos/acme/web/pulls/7/files")).status).toBe(200);
    expect(gate.arrived).toHaveLength(1);
  });

  it("fails the wait when too few requests arrive in time", async () => {
    sim = await createSimulator();
    const gate = sim.hold({ path: "/repos/acme/web" });
    await expect(gate.waitForArrivals(1, 50)).rejects.toThrow(/1 request\(s\) expected in 50 ms/);
  });
});
