// Issue 8, item 4: an override covers only the head its author saw. When the head moved after the
// comment was written, nothing is overridden and the reply says why; naming the commit in the
// command (`/shipgate override <rule> <commit> <reason>`) covers that commit, and only while it
// is the head. Against the real webhook server (start-app.ts) and the GitHub API simulator.
import { decodeAppState } from "../../shared/core/app-state-marker.js";
import { addedPatch } from "../github/sim-client.js";
import { BASE_SHA, issueCommentCreated, pullRequestEvent } from "../app/payload-builders.js";
import { startApp, type RunningApp } from "../app/start-app.js";

const OLD = "a".repeat(40);
const NEW = "e".repeat(40);
const CONFIG =
  "rules:\n  rollout-notes: { level: off }\n  coverage: { level: off }\n  linked-risks: { level: off }\n";

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
  app.sim.state.setFile("acme", "web", BASE_SHA, ".github/shipgate.yml", CONFIG);
  app.sim.state.setRole("acme", "web", "maria", "maintain");
  seedPull(OLD);
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

const latestRun = (sha: string) => app.sim.state.checkRuns.filter((r) => r.headSha === sha).at(-1);
const comments = () => app.sim.state.commentsOn("acme", "web", 7);
const overrides = () =>
  decodeAppState(comments().find((c) => c.body.startsWith("<!-- shipgate:v1 -->"))?.body).overrides;

/** A comment written at `createdAt` (default: now), delivered now. */
function say(body: string, createdAt?: string) {
  const payload = issueCommentCreated(body, { login: "maria" });
  if (createdAt) (payload.comment as Record<string, unknown>).created_at = createdAt;
  return app.send("issue_comment", payload);
}

const push = async (sha: string) => {
  seedPull(sha);
  await app.send("pull_request", pullRequestEvent("synchronize", { headSha: sha }));
};

describe("an override and the head it covers", () => {
  it("a comment written before the head moved overrides nothing, and the reply says why", async () => {
    await app.send("pull_request", pullRequestEvent("opened", { headSha: OLD }));
    const writtenAt = new Date(Date.now() - 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    await push(NEW);
    // Delivered late (a slow or queued delivery): the head is now NEW, which maria never saw.
    await say("/shipgate override size Reviewed by hand", writtenAt);

    expect(latestRun(NEW)?.conclusion).toBe("failure");
    expect(overrides()).toEqual([]);
    const reply = comments().at(-1)?.body ?? "";
    expect(reply).toMatch(
      /maria: the pull request's head is now `eeeeeee` and it arrived after your comment/,
    );
    expect(reply).toMatch(/nothing was overridden/);
    expect(reply).toContain("comment `/shipgate override size eeeeeee` and the reason");
  });

  it("a comment written after the head arrived overrides it (the control case)", async () => {
    await app.send("pull_request", pullRequestEvent("opened", { headSha: OLD }));
    await say("/shipgate override size Reviewed by hand");
    expect(latestRun(OLD)?.conclusion).toBe("success");
    expect(overrides()).toEqual([expect.objectContaining({ rule: "size", sha: OLD })]);
  });

  it("a head this App never started a check on cannot be overridden without naming it", async () => {
    // No pull_request event reached the App: nobody can tell when OLD arrived.
    await say("/shipgate override size Reviewed by hand");
    expect(overrides()).toEqual([]);
    expect(comments().at(-1)?.body).toMatch(/cannot tell whether it was there when you commented/);
  });

  it("naming the head's commit overrides it, whenever the comment was written", async () => {
    const writtenAt = new Date(Date.now() - 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    await say("/shipgate override size aaaaaaa Reviewed this exact commit", writtenAt);
    expect(latestRun(OLD)?.conclusion).toBe("success");
    expect(overrides()).toEqual([
      expect.objectContaining({ rule: "size", sha: OLD, reason: "Reviewed this exact commit" }),
    ]);
  });

  it("naming a commit that is no longer the head overrides nothing", async () => {
    await app.send("pull_request", pullRequestEvent("opened", { headSha: OLD }));
    await push(NEW);
    await say("/shipgate override size aaaaaaa Reviewed this exact commit");
    expect(latestRun(NEW)?.conclusion).toBe("failure");
    expect(overrides()).toEqual([]);
    expect(comments().at(-1)?.body).toMatch(
      /the override names commit `aaaaaaa`, but the pull request's head is `eeeeeee`; nothing was overridden/,
    );
  });

  it("a check run named shipgate by another app does not vouch for the head", async () => {
    const other = app.sim.state.checkRuns;
    await app.send("pull_request", pullRequestEvent("opened", { headSha: OLD }));
    for (const run of other) run.app = { ...run.app, slug: "someone-else" } as typeof run.app;
    await say("/shipgate override size Reviewed by hand");
    expect(overrides()).toEqual([]);
  });
});
