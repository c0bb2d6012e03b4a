// Which open pull requests a head commit belongs to (fork PRs arrive without the list).
import { findPullRequestsForSha } from "../../shared/github/find-pull-requests-for-sha.js";
import type { GitHubClient } from "../../shared/github/github-client.js";
import { startSimClient, type SimClient } from "./sim-client.js";

const HEAD = "c".repeat(40);
const repo = { owner: "acme", repo: "shop" };

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
  s.sim.state.addPullRequest("acme", "shop", { number: 7, head: { sha: HEAD } });
  s.sim.state.addPullRequest("acme", "shop", { number: 8, head: { sha: "d".repeat(40) } });
  s.sim.state.addPullRequest("acme", "shop", { number: 9, head: { sha: HEAD }, state: "closed" });
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

const paths = () => s.sim.requests.map((r) => r.path);

describe("findPullRequestsForSha", () => {
  it("takes the payload's list when it has one, without a request", async () => {
    expect(
      await findPullRequestsForSha(s.client, repo, HEAD, [{ number: 3 }, { number: 3 }]),
    ).toEqual([3]);
    expect(s.sim.requests).toEqual([]);
  });

  it("asks for the commit's pull requests, open ones with that head only", async () => {
    expect(await findPullRequestsForSha(s.client, repo, HEAD, [])).toEqual([7]);
    expect(paths()).toEqual([`/repos/acme/shop/commits/${HEAD}/pulls`]);
  });

  // The simulator has no `GET /repos/{owner}/{repo}/pulls` (list) yet: the fallback is driven
  // by a small fake that answers the two routes the way GitHub does.
  it.each([
    ["answers 404 (a fork's commit)", 404],
    ["answers 422", 422],
    ["lists no pull request", 200],
  ])("falls back to the open pull requests when the commit route %s", async (_name, status) => {
    const routes: string[] = [];
    const open = [
      { number: 7, state: "open", head: { sha: HEAD } },
      { number: 8, state: "open", head: { sha: "d".repeat(40) } },
    ];
    const client: GitHubClient = {
      request: async (route, params) => {
        routes.push(`${route} ${JSON.stringify(params?.state ?? null)}`);
        if (route.includes("/commits/")) {
          if (status !== 200) throw Object.assign(new Error("no"), { status });
          return { status, data: [], headers: {} };
        }
        return { status: 200, data: open, headers: {} };
      },
    };
    expect(await findPullRequestsForSha(client, repo, HEAD)).toEqual([7]);
    expect(routes).toEqual([
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls null",
      'GET /repos/{owner}/{repo}/pulls "open"',
    ]);
  });

  it("lets other errors of the commit route through", async () => {
    s.sim.fail({ method: "GET", path: /\/commits\/.*\/pulls$/, status: 403 });
    await expect(findPullRequestsForSha(s.client, repo, HEAD)).rejects.toMatchObject({
      status: 403,
    });
  });
});
