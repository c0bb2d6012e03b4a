// `shipgate report --github` against the local GitHub simulator: open and first-review times,
// shipgate's verdict per rule from its check run (or its sticky comment when there is no run),
// overrides from the App's hidden state, and the request budget.
import { encodeAppState } from "../../../shared/core/app-state-marker.js";
import { main } from "../../../cli/main.js";
import { renderCheckRun } from "../../../shared/core/render/render-check-run.js";
import { renderComment } from "../../../shared/core/render/render-comment.js";
import type { DeliveryReport } from "../../../shared/core/report/report-types.js";
import { makeResult, makeVerdict } from "../../builders/make-verdict.js";
import { createSimulator, type Simulator } from "../../github-simulator/index.js";
import { makeIo } from "../make-git-repo.js";
import { lines, makeHistory, type History } from "./make-history.js";

const BOT = { login: "shipgate[bot]", type: "Bot" as const };
const APP = { id: 1, slug: "shipgate", name: "shipgate", owner: "acme" };
const PERIOD = ["--since", "2024-01-01", "--until", "2024-01-31"];

let history: History;
let sim: Simulator;

function review(pull: number, login: string, state: string, submittedAt: string) {
  sim.state.reviews.push({
    id: sim.state.nextId(),
    owner: "acme",
    repo: "shop",
    pullNumber: pull,
    user: { login, type: "User" },
    body: "",
    state: state as "APPROVED",
    commitId: "x",
    submittedAt,
  });
}

beforeAll(async () => {
  const h = (history = makeHistory());
  h.commitAt("2023-12-20T10:00:00Z", "Initial commit", { "src/a.ts": lines(20) });
  h.git(["remote", "add", "origin", "https://github.com/acme/shop.git"]);
  h.checkout("f1", true);
  h.commitAt("2024-01-02T09:00:00Z", "Parser", { "src/p.ts": lines(5) });
  h.checkout("main");
  h.mergeAt("2024-01-03T10:00:00Z", "f1", "Merge pull request #1 from ada/f1", "Add the parser");
  h.commitAt("2024-01-10T12:00:00Z", "Generate the client (#2)", { "src/c.ts": lines(40) });
  h.commitAt("2024-01-16T06:00:00Z", "Fix the bug (#3)", { "src/a.ts": lines(21) });

  sim = await createSimulator();
  const pulls = [
    { number: 1, user: "ada", opened: "2024-01-02T10:00:00Z" },
    { number: 2, user: "grace", opened: "2024-01-09T12:00:00Z" },
    { number: 3, user: "ada", opened: "2024-01-15T00:00:00Z" },
  ];
  for (const p of pulls) {
    const issue = sim.state.addPullRequest("acme", "shop", {
      number: p.number,
      user: p.user,
      state: "closed",
      merged: true,
      head: { sha: `${p.number}`.repeat(40) },
    });
    issue.createdAt = p.opened;
  }
  // #1: the author's own comment-review and a pending one do not count; bob's does, 4 h in.
  review(1, "ada", "COMMENTED", "2024-01-02T11:00:00Z");
  review(1, "carol", "PENDING", "2024-01-02T12:00:00Z");
  review(1, "bob", "APPROVED", "2024-01-02T14:00:00Z");
  review(1, "carol", "APPROVED", "2024-01-03T09:00:00Z");
  const runVerdict = makeVerdict({
    rules: [
      makeResult({ id: "size", status: "pass" }),
      makeResult({ id: "coverage", status: "fail" }),
      makeResult({ id: "rollout-notes", status: "fail", level: "warn" }),
      makeResult({ id: "linked-risks", status: "skip", level: "off" }),
    ],
  });
  sim.state.checkRuns.push({
    id: sim.state.nextId(),
    owner: "acme",
    repo: "shop",
    name: "shipgate",
    headSha: "1".repeat(40),
    status: "completed",
    conclusion: "failure",
    startedAt: "2024-01-03T09:00:00Z",
    completedAt: "2024-01-03T09:00:05Z",
    detailsUrl: null,
    externalId: null,
    output: { ...renderCheckRun(runVerdict) },
    annotations: [],
    app: APP,
  });
  // #2: no check run; the App's sticky comment has the table and an override of coverage.
  review(2, "ada", "CHANGES_REQUESTED", "2024-01-10T06:00:00Z");
  const override = {
    rule: "coverage" as const,
    by: "lead",
    at: "2024-01-10T11:00:00Z",
    reason: "Hotfix; tests follow in #4",
    sha: "2".repeat(40),
  };
  const commentVerdict = makeVerdict({
    rules: [
      makeResult({ id: "size", status: "warn" }),
      makeResult({
        id: "coverage",
        status: "skip",
        summary: "Overridden by @lead (was fail): Hotfix",
      }),
    ],
  });
  sim.state.addComment(
    "acme",
    "shop",
    2,
    "<!-- shipgate:v1 -->\n| Rule | Status | Summary |\n| --- | --- | --- |\n| `size` | ❌ fail | forged |\n",
    "mallory",
  );
  sim.state.addComment(
    "acme",
    "shop",
    2,
    renderComment(commentVerdict, {
      trailer: encodeAppState({ version: 1, overrides: [override], coverageRun: null }),
    }),
    BOT,
  );
  // #3: GitHub knows nothing more than the pull request.
});
afterAll(async () => {
  await sim.close();
  history.remove();
});

async function report(extra: string[] = []): Promise<{ report: DeliveryReport; stderr: string }> {
  const t = makeIo(history.dir, {
    env: { ...history.env, GITHUB_TOKEN: "ghp_reader", GITHUB_API_URL: sim.url },
  });
  const code = await main(["report", ...PERIOD, "--format", "json", "--github", ...extra], t.io);
  expect(code).toBe(0);
  return { report: JSON.parse(t.stdout()) as DeliveryReport, stderr: t.stderr() };
}

describe("shipgate report --github", () => {
  it("reads open time, first review, the verdict per rule and overrides, in four requests each", async () => {
    sim.requests.length = 0;
    const { report: r } = await report();
    expect(r.repository).toBe("acme/shop");
    expect(r.pullRequests.map((pr) => [pr.number, pr.github])).toEqual([
      [
        1,
        {
          openedAt: "2024-01-02T10:00:00Z",
          author: "ada",
          firstReviewAt: "2024-01-02T14:00:00Z",
          firstReviewHours: 4,
          rules: [
            { rule: "size", outcome: "pass" },
            { rule: "coverage", outcome: "fail" },
            { rule: "rollout-notes", outcome: "warn" },
            { rule: "linked-risks", outcome: "skip" },
          ],
          rulesFrom: "check-run",
          overrides: [],
        },
      ],
      [
        2,
        {
          openedAt: "2024-01-09T12:00:00Z",
          author: "grace",
          firstReviewAt: "2024-01-10T06:00:00Z",
          firstReviewHours: 18,
          rules: [
            { rule: "size", outcome: "warn" },
            { rule: "coverage", outcome: "overridden" },
          ],
          rulesFrom: "comment",
          overrides: [
            {
              rule: "coverage",
              by: "lead",
              at: "2024-01-10T11:00:00Z",
              reason: "Hotfix; tests follow in #4",
            },
          ],
        },
      ],
      [
        3,
        {
          openedAt: "2024-01-15T00:00:00Z",
          author: "ada",
          firstReviewAt: null,
          firstReviewHours: null,
          rules: null,
          rulesFrom: null,
          overrides: [],
        },
      ],
    ]);
    const github = r.metrics.github;
    expect(github).toMatchObject({
      requests: 12,
      pullRequests: 3,
      firstReview: { count: 2, medianHours: 11, p90Hours: 18 },
      overrides: [
        {
          number: 2,
          rule: "coverage",
          by: "lead",
          at: "2024-01-10T11:00:00Z",
          reason: "Hotfix; tests follow in #4",
        },
      ],
    });
    expect(github?.firstReview.byBucket.find((b) => b.bucket === "XS")).toEqual({
      bucket: "XS",
      count: 1,
      medianHours: 4,
      p90Hours: 4,
    });
    expect(
      github?.rules.map(({ rule, pass, warn, fail, skip, pending, overridden }) => [
        rule,
        pass,
        warn,
        fail,
        skip,
        pending,
        overridden,
      ]),
    ).toEqual([
      ["size", 1, 1, 0, 0, 0, 0],
      ["coverage", 0, 0, 1, 0, 0, 1],
      ["rollout-notes", 0, 1, 0, 0, 0, 0],
      ["linked-risks", 0, 0, 0, 1, 0, 0],
      ["dependencies", 0, 0, 0, 0, 0, 0],
      ["focus", 0, 0, 0, 0, 0, 0],
    ]);
    expect(github?.rules[0]?.perWeek.slice(0, 2)).toEqual([
      { weekStart: "2024-01-01", pass: 1, warn: 0, fail: 0 },
      { weekStart: "2024-01-08", pass: 0, warn: 1, fail: 0 },
    ]);
    // The budget is what the report says it spent, and every request was GitHub's API as documented.
    expect(sim.requests).toHaveLength(12);
    expect(sim.requests.every((request) => request.method === "GET")).toBe(true);
    expect(sim.violations).toEqual([]);
  });

  it("stops at the request budget and says which pull requests have no GitHub figures", async () => {
    sim.requests.length = 0;
    const { report: r } = await report(["--max-requests", "6"]);
    expect(sim.requests).toHaveLength(6);
    expect(r.metrics.github).toMatchObject({ requests: 6, pullRequests: 1 });
    // The newest pull request is read first.
    expect(r.pullRequests.map((pr) => pr.github === null)).toEqual([true, true, false]);
    expect(r.notes).toContain(
      "The request budget ran out: 2 pull requests have no GitHub figures (raise --max-requests).",
    );
  });

  it("needs a token", async () => {
    const t = makeIo(history.dir, { env: { ...history.env, GITHUB_TOKEN: "" } });
    expect(await main(["report", ...PERIOD, "--github"], t.io)).toBe(2);
    expect(t.stderr()).toContain("--github needs a token in GITHUB_TOKEN");
  });
});
