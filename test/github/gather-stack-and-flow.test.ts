// What gatherPullRequestFacts reads for the dependencies and focus rules, and what each costs:
// a stacked pull request (one list read, none into the default branch), a dependency's own
// description (no read beyond the one per item), the flow (one reviews read, one search query),
// and nothing at all for a rule that is off.
import { gatherPullRequestFacts } from "../../shared/github/gather-pull-request-facts.js";
import { startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

const BASE = "b".repeat(40);
const where = { owner: "acme", repo: "shop", number: 7 };
const DAY = 86_400_000;
const OPENED = "2024-03-01T09:00:00Z";

function seedPull(fields: { body?: string; base?: string; user?: string } = {}) {
  return s.sim.state.addPullRequest("acme", "shop", {
    number: 7,
    body: fields.body ?? "",
    user: fields.user ?? "alice",
    createdAt: OPENED,
    base: { ref: fields.base ?? "main", sha: BASE },
    head: { ref: "cart-page" },
  });
}
function setConfig(text: string) {
  s.sim.state.setFile("acme", "shop", BASE, ".github/shipgate.yml", text);
}
const readsOf = (template: string) => s.sim.reads().filter((r) => r.template === template);
const LIST_PULLS = "/repos/{owner}/{repo}/pulls";
const REVIEWS = "/repos/{owner}/{repo}/pulls/{pull_number}/reviews";
const SEARCH = "/search/issues";
/** The reads of the repository's open pull requests (the stack's read names a head). */
const openListReads = () => readsOf(LIST_PULLS).filter((r) => r.query.head === undefined);
const stackReads = () => readsOf(LIST_PULLS).filter((r) => r.query.head !== undefined);

describe("stacked pull requests", () => {
  it("finds the open pull request whose head is the base branch, in one read", async () => {
    seedPull({ base: "cart-api" });
    s.sim.state.addPullRequest("acme", "shop", {
      number: 5,
      title: "Cart API",
      body: "Depends on #7",
      head: { ref: "cart-api" },
    });
    // Not it: closed, or another branch.
    s.sim.state.addPullRequest("acme", "shop", {
      number: 4,
      state: "closed",
      head: { ref: "cart-api" },
    });
    s.sim.state.addPullRequest("acme", "shop", { number: 3, head: { ref: "other" } });

    const { facts } = await gatherPullRequestFacts(s.client, where);

    expect(facts.stack).toEqual({
      base: "cart-api",
      pullRequests: [
        {
          ref: "acme/shop#5",
          exists: true,
          state: "open",
          pullRequest: true,
          merged: false,
          title: "Cart API",
          url: "https://github.com/acme/shop/pull/5",
          body: "Depends on #7",
        },
      ],
    });
    expect(stackReads().map((r) => r.query)).toEqual([
      { state: "open", head: "acme:cart-api", per_page: "100" },
    ]);
  });

  it("reads nothing for a pull request into the default branch: it is not stacked", async () => {
    seedPull();
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.stack).toBeUndefined();
    expect(stackReads()).toEqual([]);
  });

  it("is unknown, not empty, when the read fails", async () => {
    seedPull({ base: "cart-api" });
    s.sim.fail({ method: "GET", path: /\/pulls$/, status: 500, times: 10 });
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.stack).toEqual({ base: "cart-api", pullRequests: null });
  });

  it("reads nothing when the dependencies rule is off", async () => {
    seedPull({ base: "cart-api" });
    setConfig("rules:\n  dependencies:\n    level: off\n");
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.stack).toBeUndefined();
    expect(stackReads()).toEqual([]);
  });
});

describe("a dependency's own dependencies", () => {
  it("come with its one read: its description is kept, nothing more is read", async () => {
    seedPull({ body: "Depends on #8" });
    s.sim.state.addPullRequest("acme", "shop", { number: 8, body: "Depends on #7 and #9" });
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.linkedItems).toEqual([
      expect.objectContaining({ ref: "acme/shop#8", body: "Depends on #7 and #9" }),
    ]);
    expect(
      s.sim
        .reads()
        .filter((r) => /\/issues\/\d+$/.test(r.path))
        .map((r) => r.path),
    ).toEqual(["/repos/acme/shop/issues/8"]);
  });
});

describe("flow", () => {
  it("gives when it was opened, its first review by someone else, and the author's open pull requests: two reads", async () => {
    seedPull();
    // alice has #7 and two more open pull requests, a draft (not counted) and a closed one.
    s.sim.state.addPullRequest("acme", "shop", { number: 20, user: "alice" });
    s.sim.state.addPullRequest("acme", "shop", { number: 21, user: "alice" });
    s.sim.state.addPullRequest("acme", "shop", { number: 22, user: "alice", draft: true });
    s.sim.state.addPullRequest("acme", "shop", { number: 23, user: "alice", state: "closed" });
    s.sim.state.addPullRequest("acme", "shop", { number: 24, user: "bob" });
    const review = (
      login: string,
      type: "User" | "Bot",
      at: string,
      state: "COMMENTED" | "APPROVED" | "PENDING" = "COMMENTED",
    ) =>
      s.sim.state.reviews.push({
        id: s.sim.state.nextId(),
        owner: "acme",
        repo: "shop",
        pullNumber: 7,
        user: { login, type },
        body: "",
        state,
        commitId: "c".repeat(40),
        submittedAt: at,
      });
    review("shipgate[bot]", "Bot", "2024-03-01T10:00:00Z");
    review("alice", "User", "2024-03-02T10:00:00Z");
    review("carol", "User", "2024-03-03T10:00:00Z", "PENDING");
    review("dave", "User", "2024-03-04T10:00:00Z", "APPROVED");
    const now = new Date(Date.parse(OPENED) + 20 * DAY);

    const { facts } = await gatherPullRequestFacts(s.client, { ...where, now: () => now });

    expect(facts.flow).toEqual({
      at: now.toISOString(),
      createdAt: OPENED,
      authorOpenPullRequests: 3,
      firstReview: { at: "2024-03-04T10:00:00Z" },
    });
    expect(readsOf(REVIEWS)).toHaveLength(1);
    expect(openListReads().map((r) => r.query)).toEqual([
      { state: "open", per_page: "100", page: "1" },
    ]);
    expect(readsOf(SEARCH)).toEqual([]);
  });

  it("says there is no review yet when nobody but bots and the author reviewed", async () => {
    seedPull();
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.flow?.firstReview).toEqual({ at: null });
  });

  it("counts a bot author's pull requests by its login (renovate[bot])", async () => {
    seedPull({ user: "renovate[bot]" });
    s.sim.state.addPullRequest("acme", "shop", { number: 30, user: "renovate[bot]" });
    s.sim.state.addPullRequest("acme", "shop", { number: 31, user: "renovate" });
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.flow?.authorOpenPullRequests).toBe(2);
  });

  it("reads up to three pages of open pull requests, and past them leaves the count unknown", async () => {
    seedPull();
    for (let n = 100; n < 100 + 250; n++)
      s.sim.state.addPullRequest("acme", "shop", { number: n, user: n % 2 ? "alice" : "bob" });
    const within = await gatherPullRequestFacts(s.client, where);
    expect(within.facts.flow?.authorOpenPullRequests).toBe(126);
    expect(openListReads().map((r) => r.query.page)).toEqual(["1", "2", "3"]);
    for (let n = 400; n < 460; n++) s.sim.state.addPullRequest("acme", "shop", { number: n });
    const past = await gatherPullRequestFacts(s.client, where);
    expect(past.facts.flow?.authorOpenPullRequests).toBeNull();
    // Unknown by design (past the pages read), not because GitHub failed: not verified, not unread.
    expect(past.facts.flow).not.toHaveProperty("unread");
  });

  it("leaves a figure unknown when its read fails, never zero, and names it unread", async () => {
    seedPull();
    s.sim.fail({ method: "GET", path: /\/repos\/acme\/shop\/pulls$/, status: 500, times: 10 });
    s.sim.fail({ method: "GET", path: /\/reviews$/, status: 500, times: 10 });
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.flow).toMatchObject({
      authorOpenPullRequests: null,
      firstReview: null,
      createdAt: OPENED,
      unread: ["authorOpenPullRequests", "firstReview"],
    });
  });

  it("names no figure unread when the reads answered", async () => {
    seedPull();
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.flow).not.toHaveProperty("unread");
  });

  it("reads nothing when the focus rule is off", async () => {
    seedPull();
    setConfig("rules:\n  focus:\n    level: off\n");
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.flow).toBeUndefined();
    expect([...readsOf(REVIEWS), ...openListReads()]).toEqual([]);
  });
});
