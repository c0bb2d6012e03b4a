// Parity: the Action and the App, each run the way users run it, on the same simulated pull request
// give the same verdict. One simulator holds one pull request (files, body, labels, config and
// .gitattributes at the base commit, a linked risk issue); both adapters get the same
// `pull_request` webhook payload; both read the same LCOV report (the Action from its workspace,
// the App from the CI artifact it waits for, under the same file name).
//
// What is compared, and why it is honest:
// - The Action is the bundle (`node dist/index.js`) in its own process; its JSON verdict is the
//   file its `report` output names (renderJson, the CLI's contract too).
// - The App is the real Probot server on loopback, sent signed webhooks; it authenticates as an
//   installation. Its verdict is what it handed to `onVerdict`, an AppOptions listener called
//   with the very object whose check run was just completed, i.e. the published verdict, not a
//   re-evaluation. Its renderJson must equal the Action's file byte for byte.
// - What both published is compared too: the sticky comments (same renderer, same marker). The
//   App's comment ends with its hidden state trailer, which is removed before comparing.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { COMMENT_MARKER } from "../shared/core/render/render-comment.js";
import { renderJson } from "../shared/core/render/render-json.js";
import type { Verdict } from "../shared/core/types.js";
import { runBundledAction } from "./action/run-bundled-action.js";
import { pullRequestEvent, workflowRunCompleted } from "./app/payload-builders.js";
import { startApp, type RunningApp } from "./app/start-app.js";
import type { Scenario } from "./app/webhook-payloads.js";
import { createSimulator, generateAppKey, type Simulator } from "./github-simulator/index.js";
import { makeZip } from "./github/make-zip.js";

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
let app: RunningApp | undefined;
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
  await app?.close();
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

async function runAction(payload: unknown): Promise<{ json: string; comment: string }> {
  const workspace = await mkdtemp(path.join(tmpdir(), "shipgate-parity-"));
  await mkdir(path.join(workspace, "coverage"));
  await writeFile(path.join(workspace, "coverage/lcov.info"), REPORT);
  const run = await runBundledAction({
    apiUrl: sim.url,
    event: "pull_request",
    payload,
    workspace,
    repository: "acme/shop",
  });
  expect(run.stderr).toBe("");
  const reportPath = run.outputs.report;
  if (!reportPath) throw new Error(`the Action wrote no report:\n${run.stdout}`);
  return { json: await readFile(reportPath, "utf8"), comment: stickyBy("github-actions[bot]") };
}

async function runApp(
  payload: Record<string, unknown>,
): Promise<{ json: string; comment: string }> {
  const verdicts: Verdict[] = [];
  app = await startApp({ sim, key, app: { onVerdict: (verdict) => void verdicts.push(verdict) } });
  await app.send("pull_request", payload);
  await app.send(
    "workflow_run",
    workflowRunCompleted(
      { id: 901, headSha: HEAD_SHA, path: ".github/workflows/ci.yml", pulls: [7] },
      SHOP,
    ),
  );
  // First the pending verdict (coverage not in yet), then the one with the artifact's report.
  expect(verdicts.map((v) => v.rules.find((r) => r.id === "coverage")?.status)).toEqual([
    "pending",
    "fail",
  ]);
  const comment = stickyBy("shipgate[bot]").replace(/\n\n<!-- shipgate:state [^\n]*-->$/, "\n");
  return { json: renderJson(verdicts.at(-1) as Verdict), comment };
}

function stickyBy(login: string): string {
  const ours = sim.state
    .commentsOn("acme", "shop", 7)
    .filter((c) => c.user.login === login && c.body.startsWith(COMMENT_MARKER));
  expect(ours).toHaveLength(1);
  return ours[0]?.body ?? "";
}

describe("the Action and the App on the same pull request", () => {
  it("publish identical JSON verdicts and identical sticky comments", async () => {
    const payload = openedPayload();
    const action = await runAction(payload);
    const fromApp = await runApp(structuredClone(payload));

    expect(fromApp.json).toBe(action.json);
    expect(fromApp.comment).toBe(action.comment);

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
    });
    expect(sim.violations.filter((v) => !v.startsWith("POST /graphql"))).toEqual([]);
  }, 60_000);
});
