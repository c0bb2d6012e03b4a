// Parity: the Action and the App, each run the way users run it, on the same simulated pull request
// give the same verdict. One simulator holds one pull request (files, body, labels, config and
// .gitattributes at the base commit, a linked risk issue); both adapters get the same
// `pull_request` webhook payload; both read the same LCOV report (the Action from its workspace,
// the App from the CI artifact it waits for, under the same file name).
//
// What is compared, and why it is honest: see test/helpers/parity-adapters.ts. The Action's JSON
// file and the App's published verdict must be equal byte for byte, and so must the sticky
// comments (the App's hidden state trailer removed).
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pullRequestEvent } from "./app/payload-builders.js";
import type { Scenario } from "./app/webhook-payloads.js";
import { createSimulator, generateAppKey, type Simulator } from "./github-simulator/index.js";
import { makeZip } from "./github/make-zip.js";
import {
  runActionOnPullRequest,
  runAppOnPullRequest,
  type Published,
} from "./helpers/parity-adapters.js";

const SHOP: Scenario = { owner: "acme", repo: "shop", installationId: 77 };
const BASE_SHA = "1".repeat(40);
const HEAD_SHA = "2".repeat(40);
const CONFIG = [
  "rules:",
  "  coverage:",
  "    min-patch: 80",
  "    artifact: { workflow: ci.yml, name: coverage }",
  "  linked-risks:",
  "    level: block",
  "    issue-label: risk",
  "",
].join("\n");
const BODY = [
  "Adds the cart.",
  "",
  "Risk: high, tracked in #12",
  "",
  "## Rollout",
  "- Plan: behind the cart flag for staff first, then everyone.",
  "- Rollback: turn the cart flag off.",
  "",
].join("\n");

/** A patch adding `count` lines to a new file. */
const added = (count: number) =>
  [`@@ -0,0 +1,${count} @@`, ...Array.from({ length: count }, (_, i) => `+line ${i}`)].join("\n");
/** LCOV for `file`: lines 1..total executable, the first `covered` of them run by tests. */
function lcov(file: string, total: number, covered: number): string {
  const lines = Array.from({ length: total }, (_, i) => `DA:${i + 1},${i < covered ? 1 : 0}`);
  return ["TN:", `SF:${file}`, ...lines, "end_of_record", ""].join("\n");
}
const RECENT = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
const REPORT = lcov("src/cart.ts", 150, 120) + lcov("src/price.ts", 40, 40);
/**
 * When the pull requests were opened: 20 and a half days ago, so "open 20 days" holds for the
 * whole run. The Action reads it from the payload and the App from its read of the pull request,
 * so the simulator and the payload carry the same date.
 */
const AUTHOR = "Codertocat"; // GitHub's example payloads are this user's
const OPENED = new Date(Date.now() - 20.5 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");

let sim: Simulator;
const key = generateAppKey();

beforeEach(async () => {
  sim = await createSimulator({ app: key.app });
  sim.state.addInstallation({ account: SHOP.owner, id: SHOP.installationId });
  sim.state.addPullRequest("acme", "shop", {
    number: 7,
    title: "Add the cart",
    body: BODY,
    labels: ["area:checkout"],
    user: AUTHOR,
    createdAt: OPENED,
    base: { ref: "main", sha: BASE_SHA },
    head: { ref: "feature", sha: HEAD_SHA },
    files: [
      { filename: "src/cart.ts", status: "added", patch: added(150) },
      { filename: "src/price.ts", status: "added", patch: added(40) },
      { filename: "src/generated/api.ts", status: "added", patch: added(500) },
    ],
  });
  sim.state.addIssue("acme", "shop", { number: 12, title: "Cart risk", labels: ["risk"] });
  const baseFiles: [string, string][] = [
    [".github/shipgate.yml", CONFIG],
    [".gitattributes", "src/generated/** linguist-generated\n"],
  ];
  for (const [file, text] of baseFiles) {
    sim.state.setFile("acme", "shop", BASE_SHA, file, text);
    // The App tells its coverage workflow from others by the default branch's config.
    sim.state.setFile("acme", "shop", "main", file, text);
  }
  sim.state.addArtifact("acme", "shop", 901, {
    name: "coverage",
    data: makeZip({ "coverage/lcov.info": REPORT }),
  });
});
afterEach(async () => {
  await sim.close();
});

/** One payload for both: GitHub's example, validated against GitHub's webhook schemas. */
function openedPayload(): Record<string, unknown> {
  const payload = pullRequestEvent(
    "opened",
    {
      number: 7,
      headSha: HEAD_SHA,
      baseSha: BASE_SHA,
      title: "Add the cart",
      body: BODY,
      labels: ["area:checkout"],
    },
    SHOP,
  );
  Object.assign(payload.pull_request as object, { changed_files: 3, created_at: OPENED });
  return payload;
}

async function runAction(payload: unknown): Promise<Published> {
  const workspace = await mkdtemp(path.join(tmpdir(), "shipgate-parity-"));
  await mkdir(path.join(workspace, "coverage"));
  await writeFile(path.join(workspace, "coverage/lcov.info"), REPORT);
  return runActionOnPullRequest({ sim, scenario: SHOP, number: 7, payload, workspace });
}

async function runApp(payload: Record<string, unknown>): Promise<Published> {
  const fromApp = await runAppOnPullRequest({
    sim,
    key,
    scenario: SHOP,
    number: 7,
    headSha: HEAD_SHA,
    payload,
    run: { id: 901, path: ".github/workflows/ci.yml" },
  });
  // First the pending verdict (coverage not in yet), then the one with the artifact's report.
  expect(fromApp.verdicts.map((v) => v.rules.find((r) => r.id === "coverage")?.status)).toEqual([
    "pending",
    "fail",
  ]);
  return fromApp;
}

describe("the Action and the App on the same pull request", () => {
  it("publish identical JSON verdicts and identical sticky comments", async () => {
    const payload = openedPayload();
    const action = await runAction(payload);
    const fromApp = await runApp(structuredClone(payload));

    expect(fromApp.json).toBe(action.json);
    expect(action.comments).toHaveLength(1);
    expect(fromApp.comments).toEqual(action.comments);

    // The scenario exercises every rule: this is not two empty verdicts agreeing.
    const verdict = JSON.parse(action.json) as { conclusion: string; riskLevel: string };
    const statuses = Object.fromEntries(
      (JSON.parse(action.json) as { rules: { id: string; status: string }[] }).rules.map((r) => [
        r.id,
        r.status,
      ]),
    );
    expect(verdict).toMatchObject({ conclusion: "failure", riskLevel: "high" });
    expect(statuses).toEqual({
      size: "pass",
      coverage: "fail",
      "rollout-notes": "fail",
      "linked-risks": "pass",
      dependencies: "pass",
      // Open 20 days with no review: the App and the Action both know it.
      focus: "fail",
    });
    expect(sim.violations.filter((v) => !v.startsWith("POST /graphql"))).toEqual([]);
  }, 60_000);
});

describe("the Action and the App on a verdict whose only finding is a note", () => {
  // Every rule passes; the one thing to say is that the pull request changes the gate's own
  // config. The App used to stay quiet here while the Action commented.
  it("both create the same sticky comment", async () => {
    const body = `${BODY}- Monitoring: watch the checkout error-rate dashboard for an hour.\n`;
    sim.state.addPullRequest("acme", "shop", {
      number: 8,
      title: "Tighten the gate",
      body,
      labels: [],
      user: AUTHOR,
      createdAt: RECENT,
      base: { ref: "main", sha: BASE_SHA },
      head: { ref: "gate", sha: HEAD_SHA },
      files: [
        {
          filename: ".github/shipgate.yml",
          status: "modified",
          patch: "@@ -3 +3 @@\n-    min-patch: 80\n+    min-patch: 85",
        },
      ],
    });
    const payload = pullRequestEvent(
      "opened",
      {
        number: 8,
        headSha: HEAD_SHA,
        baseSha: BASE_SHA,
        title: "Tighten the gate",
        body,
        labels: [],
      },
      SHOP,
    );
    Object.assign(payload.pull_request as object, { changed_files: 1, created_at: RECENT });
    const workspace = await mkdtemp(path.join(tmpdir(), "shipgate-parity-"));
    await mkdir(path.join(workspace, "coverage"));
    await writeFile(path.join(workspace, "coverage/lcov.info"), REPORT);

    const action = await runActionOnPullRequest({
      sim,
      scenario: SHOP,
      number: 8,
      payload,
      workspace,
    });
    const fromApp = await runAppOnPullRequest({
      sim,
      key,
      scenario: SHOP,
      number: 8,
      headSha: HEAD_SHA,
      payload: structuredClone(payload),
      run: { id: 901, path: ".github/workflows/ci.yml" },
    });

    const verdict = JSON.parse(action.json) as {
      conclusion: string;
      notes: string[];
      rules: { status: string }[];
    };
    expect(verdict.conclusion).toBe("success");
    expect(verdict.rules.every((rule) => rule.status === "pass" || rule.status === "skip")).toBe(
      true,
    );
    expect(verdict.notes).toEqual([expect.stringContaining("changes the shipgate configuration")]);
    expect(fromApp.json).toBe(action.json);
    expect(action.comments).toHaveLength(1);
    expect(fromApp.comments).toEqual(action.comments);
  }, 60_000);
});

describe("the Action and the App on dependencies and focus", () => {
  // #9 is stacked on #5 (its base is #5's head branch) and names three dependencies: #30 (merged,
  // but its own description depends on #9: a cycle), acme/payments#4 (closed as not planned) and
  // #31 (missing). Its author has five open pull requests (#7 too) and a draft; it has waited 20 days,
  // with a first review.
  it("publish the same verdict: the stacked pull request, the cycle, merge order, work in progress and waiting", async () => {
    const body = `${BODY}- Monitoring: the cart dashboard.\n\nDepends on #30\nBlocked by acme/payments#4\nRequires #31\n`;
    sim.state.addPullRequest("acme", "shop", {
      number: 9,
      title: "Cart page",
      body,
      labels: [],
      user: AUTHOR,
      createdAt: OPENED,
      base: { ref: "cart-api", sha: BASE_SHA },
      head: { ref: "cart-page", sha: HEAD_SHA },
      files: [{ filename: "src/cart.ts", status: "added", patch: added(150) }],
    });
    const pull = (number: number, fields: object) =>
      sim.state.addPullRequest("acme", "shop", { number, user: AUTHOR, ...fields });
    pull(5, { title: "Cart API", body: "The API the page calls.", head: { ref: "cart-api" } });
    pull(30, { title: "Prices", body: "Depends on #9", state: "closed", merged: true });
    pull(40, { title: "Wishlist" });
    pull(41, { title: "Search" });
    pull(42, { title: "Not ready", draft: true });
    sim.state.addIssue("acme", "payments", {
      number: 4,
      title: "Split payments",
      state: "closed",
      stateReason: "not_planned",
    });
    sim.state.reviews.push({
      id: sim.state.nextId(),
      owner: "acme",
      repo: "shop",
      pullNumber: 9,
      user: { login: "reviewer", type: "User" },
      body: "",
      state: "COMMENTED",
      commitId: HEAD_SHA,
      submittedAt: new Date(Date.parse(OPENED) + 2 * 86_400_000)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z"),
    });
    const payload = pullRequestEvent(
      "opened",
      { number: 9, headSha: HEAD_SHA, baseSha: BASE_SHA, title: "Cart page", body, labels: [] },
      SHOP,
    );
    const pr = payload.pull_request as { base: { ref: string }; head: { ref: string } };
    pr.base.ref = "cart-api";
    pr.head.ref = "cart-page";
    Object.assign(pr, { changed_files: 1, created_at: OPENED });
    const workspace = await mkdtemp(path.join(tmpdir(), "shipgate-parity-"));
    await mkdir(path.join(workspace, "coverage"));
    await writeFile(path.join(workspace, "coverage/lcov.info"), REPORT);

    const before = sim.requests.length;
    const action = await runActionOnPullRequest({
      sim,
      scenario: SHOP,
      number: 9,
      payload,
      workspace,
    });
    const actionReads = sim.requests.slice(before).filter((r) => r.kind === "read");
    const fromApp = await runAppOnPullRequest({
      sim,
      key,
      scenario: SHOP,
      number: 9,
      headSha: HEAD_SHA,
      payload: structuredClone(payload),
      run: { id: 901, path: ".github/workflows/ci.yml" },
    });

    expect(fromApp.json).toBe(action.json);
    expect(fromApp.comments).toEqual(action.comments);
    const rules = (JSON.parse(action.json) as { rules: JsonRule[] }).rules;
    const dependencies = rules.find((r) => r.id === "dependencies");
    const focus = rules.find((r) => r.id === "focus");
    expect(dependencies?.status).toBe("fail");
    expect(dependencies?.metrics).toMatchObject({
      // #5 is open and stacked; the order is the description's, #30 (done) needing #9 changes none.
      dependencies: [
        { ref: "acme/shop#30", state: "done" },
        { ref: "acme/payments#4", state: "not-planned" },
        { ref: "acme/shop#31", state: "missing" },
        { ref: "acme/shop#5", state: "open", stackedOn: "cart-api" },
      ],
      cycle: ["acme/shop#9", "acme/shop#30", "acme/shop#9"],
    });
    expect(focus?.status).toBe("fail");
    expect(focus?.summary).toBe(
      "1 area, at most 3; 5 open pull requests by the author, at most 3; open 20 days, more than 14",
    );
    expect(action.comments[0]).toContain(
      "acme/shop#9` → `acme/shop#30` → `acme/shop#9` wait for each other",
    );

    // What the two rules cost the Action, beyond what every evaluation reads: one read per
    // dependency named (3), one list read for the stack, one reviews read, one list read of the
    // open pull requests (the author's count).
    const count = (pattern: RegExp) => actionReads.filter((r) => pattern.test(r.path)).length;
    expect({
      items: count(/^\/repos\/acme\/(shop\/issues\/3[01]|payments\/issues\/4)$/),
      stack: actionReads.filter((r) => r.path === "/repos/acme/shop/pulls" && "head" in r.query)
        .length,
      reviews: count(/\/pulls\/9\/reviews$/),
      open: actionReads.filter((r) => r.path === "/repos/acme/shop/pulls" && !("head" in r.query))
        .length,
      search: count(/^\/search\/issues$/),
    }).toEqual({ items: 3, stack: 1, reviews: 1, open: 1, search: 0 });
    expect(sim.violations.filter((v) => !v.startsWith("POST /graphql"))).toEqual([]);
  }, 60_000);
});

interface JsonRule {
  id: string;
  status: string;
  summary: string;
  metrics: Record<string, unknown>;
}
