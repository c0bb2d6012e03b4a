// `/shipgate recheck` and `/shipgate override <rule> <reason>` in pull-request comments: who may
// override (asked of the API), what is recorded, and that an override expires on the next push.
import { decodeAppState } from "../../shared/core/app-state-marker.js";
import type { RepoRole } from "../github-simulator/index.js";
import { addedPatch } from "../github/sim-client.js";
import { BASE_SHA, issueCommentCreated, pullRequestEvent } from "./payload-builders.js";
import { startApp, type RunningApp } from "./start-app.js";

const HEAD = "c".repeat(40);
const CONFIG =
  "rules:\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
  app.sim.state.setFile("acme", "web", BASE_SHA, ".github/shipgate.yml", CONFIG);
  seedPull(HEAD);
  app.sim.state.setRole("acme", "web", "maria", "maintain");
});
afterEach(() => app.close());

function seedPull(head: string) {
  app.sim.state.addPullRequest("acme", "web", {
    number: 7,
    head: { sha: head },
    base: { sha: BASE_SHA },
    files: [{ filename: "src/big.ts", patch: addedPatch(600) }],
  });
}

const runs = () => app.sim.state.checkRuns;
const latestRun = (sha = HEAD) =>
  runs()
    .filter((r) => r.headSha === sha)
    .at(-1);
const comments = () => app.sim.state.commentsOn("acme", "web", 7);
const sticky = () => comments().find((c) => c.body.startsWith("<!-- shipgate:v1 -->"));
const say = (body: string, login = "maria", type: "User" | "Bot" = "User") =>
  app.send("issue_comment", issueCommentCreated(body, { login, type }));

describe("/shipgate override", () => {
  it("lifts one rule for the head commit and records who, when, why and which commit", async () => {
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    expect(latestRun()?.conclusion).toBe("failure");

    await say("/shipgate override size Generated migration, reviewed by hand");
    const run = latestRun();
    expect(run?.conclusion).toBe("success");
    expect(run?.output.summary).toContain("maria");
    expect(run?.output.summary).toContain("Generated migration, reviewed by hand");
    expect(run?.output.summary).toContain("2026-03-01T12:00:00Z");
    expect(run?.output.summary).toContain(HEAD.slice(0, 7));
    expect(decodeAppState(sticky()?.body).overrides).toEqual([
      {
        rule: "size",
        by: "maria",
        at: "2026-03-01T12:00:00Z",
        reason: "Generated migration, reviewed by hand",
        sha: HEAD,
      },
    ]);
    expect(app.sim.violations).toEqual([]);
  });

  it("creates the sticky comment when an override is the only finding (the comment holds it)", async () => {
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    // Someone deleted the failing verdict's comment: nothing on the pull request holds state.
    const first = sticky();
    expect(first).toBeDefined();
    app.sim.state.comments.splice(app.sim.state.comments.indexOf(first!), 1);
    expect(sticky()).toBeUndefined();

    await say("/shipgate override size Generated migration, reviewed by hand");
    expect(latestRun()?.conclusion).toBe("success");
    expect(sticky()?.body).toContain("Generated migration, reviewed by hand");
    expect(decodeAppState(sticky()?.body).overrides).toEqual([
      expect.objectContaining({ rule: "size", by: "maria", sha: HEAD }),
    ]);
    expect(app.sim.violations).toEqual([]);
  });

  it("survives a restart (read back from GitHub) and expires on the next push", async () => {
    await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
    await say("/shipgate override size Release freeze exception");
    await app.stop();

    // A new instance, same GitHub: the override is read back from the sticky comment.
    const first = app;
    app = await startApp({ sim: first.sim, key: first.key });
    await say("/shipgate recheck", "someone");
    expect(latestRun()?.conclusion).toBe("success");

    const next = "e".repeat(40);
    seedPull(next);
    await app.send("pull_request", pullRequestEvent("synchronize", { headSha: next }));
    expect(latestRun(next)?.conclusion).toBe("failure");
    expect(decodeAppState(sticky()?.body).overrides).toEqual([]);
    await app.stop();
    app = first;
  });

  it.each<RepoRole>(["read", "triage", "none"])(
    "is refused for a user with %s permission, with a reply naming the permission needed",
    async (role) => {
      app.sim.state.setRole("acme", "web", "rita", role);
      await app.send("pull_request", pullRequestEvent("opened", { headSha: HEAD }));
      const before = runs().length;
      await say("/shipgate override size please", "rita");
      expect(runs()).toHaveLength(before);
      const reply = comments().at(-1);
      expect(reply?.body).toMatch(/needs write, maintain or admin permission/);
      expect(reply?.body).toContain(`yours: ${role}`);
      expect(app.sim.requests.some((r) => r.path.endsWith("/collaborators/rita/permission"))).toBe(
        true,
      );
    },
  );

  it.each([
    ["no reason", "/shipgate override size", /needs a reason/],
    ["an unknown rule", "/shipgate override speed because", /Name the rule/],
    ["an unknown command", "/shipgate deploy", /Unknown command/],
  ])("with %s gets a usage reply and no evaluation", async (_name, body, expected) => {
    await say(body);
    expect(runs()).toEqual([]);
    expect(comments().at(-1)?.body).toMatch(expected);
  });
});

describe("/shipgate recheck", () => {
  it("re-evaluates the pull request's head", async () => {
    await say("/shipgate recheck", "anyone");
    expect(latestRun()).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it.each([
    ["a comment without a command", () => say("Looks good to me")],
    ["a bot's comment", () => say("/shipgate recheck", "other-bot[bot]", "Bot")],
    [
      "an edited comment",
      () =>
        app.send(
          "issue_comment",
          issueCommentCreated("/shipgate recheck", { login: "maria" }, 7, undefined, "edited"),
        ),
    ],
    [
      "a deleted comment",
      () =>
        app.send(
          "issue_comment",
          issueCommentCreated("/shipgate recheck", { login: "maria" }, 7, undefined, "deleted"),
        ),
    ],
  ])("%s triggers nothing", async (_name, act) => {
    const response = await act();
    expect(response.status).toBe(202);
    expect(app.sim.writes().filter((w) => !w.path.startsWith("/app/"))).toEqual([]);
  });
});
