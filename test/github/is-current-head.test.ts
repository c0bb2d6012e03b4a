// The head-SHA guard reads the pull request's head right before a write.
import {
  createHeadGuard,
  isCurrentHead,
  StaleHeadError,
} from "../../shared/github/is-current-head.js";
import { startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
beforeAll(async () => {
  s = await startSimClient();
  s.sim.state.addPullRequest("acme", "shop", { number: 7, head: { sha: "e".repeat(40) } });
});
afterAll(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

describe("isCurrentHead", () => {
  it.each([
    ["e".repeat(40), true],
    ["f".repeat(40), false],
  ])("for %s says current: %s", async (sha, current) => {
    const pr = { owner: "acme", repo: "shop", number: 7 };
    expect(await isCurrentHead(s.client, pr, sha)).toEqual({ current, headSha: "e".repeat(40) });
  });
});

describe("createHeadGuard", () => {
  const pr = { owner: "acme", repo: "shop", number: 7 };
  const pullReads = () =>
    s.sim.reads().filter((r) => r.template === "/repos/{owner}/{repo}/pulls/{pull_number}").length;

  it("reads the head once, on the first write, and lets writes through while current", async () => {
    const before = pullReads();
    const guard = createHeadGuard(s.client, pr, "e".repeat(40));
    expect(pullReads()).toBe(before);
    await guard();
    await guard();
    expect(pullReads()).toBe(before + 1);
  });

  it("stops writes for a head that moved on", async () => {
    const guard = createHeadGuard(s.client, pr, "f".repeat(40));
    await expect(guard()).rejects.toBeInstanceOf(StaleHeadError);
    await expect(guard()).rejects.toThrow(
      "this verdict is for fffffff, but the pull request is now at eeeeeee",
    );
  });
});
