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
const REPORT = lcov("src/cart.ts", 150, 120) + lcov("src/price.ts", 40, 40);

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
  (payload.pull_request as { changed_files: number }).changed_files = 3;
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
      focus: "pass",
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
    (payload.pull_request as { changed_files: number }).changed_files = 1;
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
