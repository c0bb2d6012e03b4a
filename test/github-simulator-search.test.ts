// The simulator's pull request list and issue search, over HTTP, checked against GitHub's
// OpenAPI description like every other route.
import { createSimulator, type Simulator } from "./github-simulator/index.js";

let sim: Simulator;
beforeEach(async () => {
  sim = await createSimulator();
  sim.state.addPullRequest("acme", "shop", {
    number: 1,
    user: "alice",
    body: "Depends on #9",
    head: { ref: "a" },
  });
  sim.state.addPullRequest("acme", "shop", {
    number: 2,
    user: "alice",
    draft: true,
    head: { ref: "b" },
    base: { ref: "a" },
  });
  sim.state.addPullRequest("acme", "shop", {
    number: 3,
    user: "bob",
    state: "closed",
    head: { ref: "a" },
  });
  sim.state.addIssue("acme", "shop", { number: 4, user: "alice", body: "Depends on #9" });
  sim.state.addPullRequest("acme", "other", { number: 5, user: "alice", body: "Depends on #9" });
});
afterEach(async () => {
  expect(sim.violations).toEqual([]);
  await sim.close();
});

async function get(path: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sim.url}${path}`, { headers: { authorization: "token t" } });
  return { status: response.status, json: await response.json() };
}
const numbers = (json: unknown) =>
  (Array.isArray(json) ? json : (json as { items: unknown[] }).items).map(
    (i) => (i as { number: number }).number,
  );

describe("GET /repos/{owner}/{repo}/pulls", () => {
  it.each([
    ["", [2, 1]],
    ["?state=all", [3, 2, 1]],
    ["?state=all&head=acme:a", [3, 1]],
    ["?head=acme:a", [1]],
    ["?head=someone:a", []],
    ["?base=a", [2]],
  ])("%s → %j", async (query, expected) => {
    expect(numbers((await get(`/repos/acme/shop/pulls${query}`)).json)).toEqual(expected);
  });
});

describe("GET /search/issues", () => {
  it.each([
    ["is:pr is:open repo:acme/shop", [2, 1]],
    ["is:pr is:open draft:false author:alice repo:acme/shop", [1]],
    ["is:issue repo:acme/shop", [4]],
    ['repo:acme/shop "#9" in:body', [4, 1]],
    ['is:pr is:open "#9" in:body', [5, 1]],
    ["is:pr is:closed repo:acme/shop", [3]],
  ])("%s → %j", async (q, expected) => {
    const { status, json } = await get(`/search/issues?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(numbers(json)).toEqual(expected);
    expect((json as { total_count: number }).total_count).toBe(expected.length);
  });

  it("answers 422 to a qualifier it does not implement, so no test passes on an ignored filter", async () => {
    const { status, json } = await get(
      `/search/issues?q=${encodeURIComponent("label:bug repo:acme/shop")}`,
    );
    expect(status).toBe(422);
    expect(json).toMatchObject({ message: expect.stringContaining("label:bug") });
  });
});
