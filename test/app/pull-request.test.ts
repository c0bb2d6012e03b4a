// The App end to end on pull_request events: the real Probot server, signed webhooks, the
// simulated GitHub API (installation token exchange with a real RSA key included).
import { COMMENT_MARKER } from "../../shared/core/render/render-comment.js";
import { serverError } from "../github-simulator/index.js";
import { addedPatch } from "../github/sim-client.js";
import { BASE_SHA, pullRequestEvent } from "./payload-builders.js";
import { startApp, type RunningApp } from "./start-app.js";

const HEAD = "c".repeat(40);
const PASSING_CONFIG =
  "rules:\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
  app.sim.state.addPullRequest("acme", "web", {
    number: 7,
    head: { sha: HEAD },
    base: { sha: BASE_SHA },
    files: [{ filename: "src/a.ts", patch: addedPatch(3) }],
  });
});
afterEach(() => app.close());

const runsOf = (sha = HEAD) => app.sim.state.checkRuns.filter((r) => r.headSha === sha);
const comments = () => app.sim.state.commentsOn("acme", "web", 7);
const setConfig = (text: string, ref = BASE_SHA) =>
  app.sim.state.setFile("acme", "web", ref, ".github/shipgate.yml", text);
const writesExceptToken = () =>
  app.sim.writes().filter((w) => !w.path.startsWith("/app/installations/"));

describe("pull_request events", () => {
  it.each([
    "opened",
    "reopened",
    "synchronize",
    "edited",
    "labeled",
    "unlabeled",
    "ready_for_review",
  ])("%s completes one shipgate check run for the head commit", async (action) => {
    const response = await app.send("pull_request", pullRequestEvent(action, { headSha: HEAD }));
    expect(response.status).toBe(202);
    const [run, ...others] = runsOf();
    expect(others).toEqual([]);
    expect(run).toMatchObject({ name: "shipgate", status: "completed", app: { slug: "shipgate" } });
    // No config: the defaults apply, and an empty description fails rollout-notes (block).
    expect(run?.conclusion).toBe("failure");
    expect(run?.output.title).toBeTruthy();
    expect(app.sim.violations).toEqual([]);
  });

  it("authenticates as the installation through a JWT-signed token exchange", async () => {
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    const exchange = app.sim.requests.find((r) => r.path === "/app/installations/77/access_tokens");
    expect(exchange?.status).toBe(201);
    expect(app.sim.requests.filter((r) => r.status === 401)).toEqual([]);
    expect(app.sim.state.checkRuns[0]?.app.slug).toBe("shipgate");
  });

  it("starts the check in_progress before anything else is written", async () => {
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    const [first] = writesExceptToken();
    expect(first).toMatchObject({ method: "POST", path: "/repos/acme/web/check-runs" });
    expect(first?.body).toMatchObject({ status: "in_progress", head_sha: HEAD, name: "shipgate" });
  });

  it("fails the check and creates one sticky comment when a blocking rule fails", async () => {
    app.sim.state.addPullRequest("acme", "web", {
      number: 7,
      head: { sha: HEAD },
      files: [{ filename: "src/big.ts", patch: addedPatch(600) }],
    });
    setConfig(PASSING_CONFIG);
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    const run = runsOf()[0];
    expect(run).toMatchObject({ conclusion: "failure", status: "completed" });
    expect(run?.output.title).toMatch(/size/);
    expect(run?.output.summary).toMatch(/size/);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]?.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(comments()[0]?.user.login).toBe("shipgate[bot]");
    expect(app.sim.violations).toEqual([]);
  });

  it("judges by the config at the pull request's base commit, as the Action does", async () => {
    setConfig(PASSING_CONFIG);
    setConfig("rules:\n  size: { max-lines: 1 }\n", "main");
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    expect(runsOf()[0]?.conclusion).toBe("success");
    const configReads = app.sim.requests.filter((r) =>
      /shipgate\.yml$/.test(decodeURIComponent(r.path)),
    );
    expect(configReads.map((r) => r.query.ref)).toEqual([BASE_SHA]);
  });

  it("passes quietly: success and no comment when every rule passes", async () => {
    setConfig(PASSING_CONFIG);
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    expect(runsOf()[0]?.conclusion).toBe("success");
    expect(comments()).toEqual([]);
  });

  it("an invalid config fails the check as Invalid configuration, annotated at line and column", async () => {
    setConfig("rules:\n  size:\n    max-lines: many\n");
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    const run = runsOf()[0];
    expect(run).toMatchObject({
      conclusion: "failure",
      output: { title: "Invalid configuration" },
    });
    expect(run?.annotations).toEqual([
      expect.objectContaining({
        path: ".github/shipgate.yml",
        start_line: 3,
        end_line: 3,
        start_column: 16,
        annotation_level: "failure",
      }),
    ]);
    expect(app.sim.violations).toEqual([]);
  });

  it("an unexpected error completes the check as failure and logs it with the delivery id", async () => {
    app.sim.fail(serverError(500, { method: "GET", path: /\/pulls\/7\/files$/, times: Infinity }));
    const response = await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }), {
      deliveryId: "delivery-boom",
    });
    expect(response.status).toBeLessThan(500);
    const run = runsOf()[0];
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(run?.output.title).toBe("shipgate could not finish");
    expect(run?.output.summary).toContain("delivery-boom");
    expect(app.logs.some((l) => l.level >= 50 && l.deliveryId === "delivery-boom")).toBe(true);
    // Each failed attempt of the job is logged with the job's fields, and retried.
    expect(app.logs).toContainEqual(
      expect.objectContaining({
        level: 50,
        deliveryId: "delivery-boom",
        jobId: "delivery-boom",
        pr: "acme/web#7",
        head: HEAD,
        msg: expect.stringMatching(/job failed \(attempt 1\)/),
      }),
    );
  });

  it("a duplicate delivery performs no writes", async () => {
    const payload = pullRequestEvent("opened", { headSha: HEAD });
    await app.send("pull_request", payload, { deliveryId: "same-delivery" });
    const before = app.sim.writes().length;
    const again = await app.send("pull_request", payload, { deliveryId: "same-delivery" });
    expect(again.status).toBe(202);
    expect(app.sim.writes()).toHaveLength(before);
    expect(runsOf()).toHaveLength(1);
  });

  it("an out-of-order synchronize for an older head evaluates the head the PR has, never the older one", async () => {
    const older = "d".repeat(40);
    app.sim.state.addPullRequest("acme", "web", {
      number: 7,
      head: { sha: HEAD },
      files: [{ filename: "src/big.ts", patch: addedPatch(600) }],
    });
    await app.send("pull_request", pullRequestEvent("synchronize", { headSha: older }));
    expect(runsOf(older)).toEqual([]);
    expect(runsOf(HEAD)).toEqual([expect.objectContaining({ status: "completed" })]);
    expect(comments()).toHaveLength(1);
  });

  it("applies org-wide defaults from the config it extends, the repository's keys winning", async () => {
    app.sim.state.setFile("acme", ".github", "main", ".github/shipgate.yml", PASSING_CONFIG);
    setConfig("extends: acme/.github\nrules:\n  size: { max-lines: 2 }\n");
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    const run = runsOf()[0];
    expect(run?.conclusion).toBe("failure");
    expect(run?.output.title).toMatch(/size/);
    expect(run?.output.title).not.toMatch(/rollout/);
    expect(app.sim.violations).toEqual([]);
  });

  it("an extends target that cannot be read is an invalid configuration at that key", async () => {
    setConfig("# org defaults\nextends: acme/missing\n");
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    const run = runsOf()[0];
    expect(run?.output.title).toBe("Invalid configuration");
    expect(run?.annotations[0]).toMatchObject({ start_line: 2, path: ".github/shipgate.yml" });
    expect(run?.annotations[0]?.message).toMatch(/acme\/missing/);
  });
});
