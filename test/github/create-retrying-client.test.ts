// The retrying client against the simulator's injected faults: rate limits and 5xx are retried
// as GitHub asks, bounded, and a POST that may have been written is never re-sent.
import { getOctokit } from "@actions/github";
import { createRetryingClient } from "../../shared/github/create-retrying-client.js";
import { primaryRateLimit, secondaryRateLimit, serverError } from "../github-simulator/index.js";
import { startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
  s.sim.state.addPullRequest("acme", "shop", { number: 7 });
});
afterEach(async () => {
  await s.sim.close();
});

const getPull = (client = s.client) =>
  client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner: "acme",
    repo: "shop",
    pull_number: 7,
  });
const postComment = () =>
  s.client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: "acme",
    repo: "shop",
    issue_number: 7,
    body: "hi",
  });

describe("createRetryingClient", () => {
  it("waits out a secondary rate limit as retry-after says, then succeeds (also for POST)", async () => {
    s.sim.fail(secondaryRateLimit({ method: "POST" }, 3));
    await postComment();
    expect(s.waits).toEqual([3000]);
    expect(s.sim.state.commentsOn("acme", "shop", 7)).toHaveLength(1);
  });

  it("waits for x-ratelimit-reset on a primary rate limit", async () => {
    s.sim.fail(primaryRateLimit({ method: "GET" }, 20));
    await getPull();
    expect(s.waits).toHaveLength(1);
    expect(s.waits[0]).toBeGreaterThan(15_000);
    expect(s.waits[0]).toBeLessThanOrEqual(21_000);
  });

  it("retries a GET through 5xx with growing waits", async () => {
    s.sim.fail({ ...serverError(503), method: "GET", times: 2 });
    expect((await getPull()).status).toBe(200);
    expect(s.waits).toEqual([1000, 2000]);
  });

  it("gives up after three retries", async () => {
    s.sim.fail({ ...serverError(502), method: "GET", times: 10 });
    await expect(getPull()).rejects.toMatchObject({ status: 502 });
    expect(s.waits).toHaveLength(3);
    expect(s.sim.requests).toHaveLength(4);
  });

  it("does not wait longer than the cap: it fails instead", async () => {
    s.sim.fail(secondaryRateLimit({ method: "GET" }, 3600));
    await expect(getPull()).rejects.toMatchObject({ status: 403 });
    expect(s.waits).toEqual([]);
  });

  it("never re-sends a POST that failed with 5xx", async () => {
    s.sim.fail({ ...serverError(502), method: "POST", afterWrite: true });
    await expect(postComment()).rejects.toMatchObject({ status: 502 });
    expect(s.sim.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(s.waits).toEqual([]);
  });

  it("does not retry a 403 that is about permissions", async () => {
    s.sim.setTokenPermissions("ghs_actions", "read");
    await expect(postComment()).rejects.toMatchObject({ status: 403 });
    expect(s.sim.requests).toHaveLength(1);
  });

  it("reports each retry", async () => {
    const seen: string[] = [];
    const client = createRetryingClient(getOctokit("ghs_x", { baseUrl: s.sim.url }), {
      sleep: async () => {},
      onRetry: (info) => seen.push(`${info.attempt} ${info.reason}`),
    });
    s.sim.fail({ ...serverError(500), method: "GET" });
    await getPull(client);
    expect(seen).toEqual(["1 HTTP 500"]);
  });
});
