// The sticky comment against the simulator: one comment, found by marker and author, edited in
// place, silent when unchanged, never duplicated by lost answers or racing runs.
import { COMMENT_MARKER } from "../../shared/core/render/render-comment.js";
import { createCommentPublisher } from "../../shared/github/create-comment-publisher.js";
import { serverError } from "../github-simulator/index.js";
import { startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
  s.sim.state.addPullRequest("acme", "shop", { number: 7 });
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

const pr = { owner: "acme", repo: "shop", number: 7 };
const BOT = "github-actions[bot]";
const body = (text: string) => `${COMMENT_MARKER}\n${text}`;
const publisher = (login: string | (() => Promise<string>) = BOT) =>
  createCommentPublisher(s.client, pr, { login });
const comments = () => s.sim.state.commentsOn("acme", "shop", 7);
const writes = () => s.sim.writes().map((w) => `${w.method} ${w.template}`);

describe("createCommentPublisher().upsert", () => {
  it("creates the comment when there is none", async () => {
    const result = await publisher().upsert(body("first"), { create: true });
    expect(result).toMatchObject({ action: "created", deleted: [] });
    expect(comments().map((c) => [c.body, c.user.login])).toEqual([[body("first"), BOT]]);
    expect(result.commentId).toBe(comments()[0]?.id);
  });

  it("writes nothing when the body is unchanged", async () => {
    await publisher().upsert(body("same"), { create: true });
    const before = s.sim.writes().length;
    const result = await publisher().upsert(body("same"), { create: true });
    expect(result.action).toBe("unchanged");
    expect(s.sim.writes()).toHaveLength(before);
  });

  it("edits the comment in place when the body changed", async () => {
    const first = await publisher().upsert(body("old"), { create: true });
    const second = await publisher().upsert(body("new"), { create: true });
    expect(second).toMatchObject({ action: "updated", commentId: first.commentId });
    expect(comments().map((c) => c.body)).toEqual([body("new")]);
  });

  it("does not create when told not to, but still updates an existing comment", async () => {
    expect(await publisher().upsert(body("x"), { create: false })).toMatchObject({
      action: "skipped",
    });
    expect(comments()).toEqual([]);
    await publisher().upsert(body("x"), { create: true });
    expect(await publisher().upsert(body("y"), { create: false })).toMatchObject({
      action: "updated",
    });
    expect(comments().map((c) => c.body)).toEqual([body("y")]);
  });

  it("ignores a marker comment written by someone else", async () => {
    s.sim.state.addComment("acme", "shop", 7, body("spoofed"), "mallory");
    await publisher().upsert(body("real"), { create: true });
    expect(comments().map((c) => [c.user.login, c.body])).toEqual([
      ["mallory", body("spoofed")],
      [BOT, body("real")],
    ]);
  });

  it("ignores comments of ours without the marker", async () => {
    s.sim.state.addComment("acme", "shop", 7, "thanks!", BOT);
    await publisher().upsert(body("report"), { create: true });
    expect(comments()).toHaveLength(2);
  });

  it("finds its comment on a later page", async () => {
    for (let i = 0; i < 150; i++) s.sim.state.addComment("acme", "shop", 7, `chatter ${i}`, "bob");
    await publisher().upsert(body("v1"), { create: true });
    await publisher().upsert(body("v2"), { create: true });
    expect(
      comments()
        .filter((c) => c.user.login === BOT)
        .map((c) => c.body),
    ).toEqual([body("v2")]);
  });

  it("asks who it is only when a marker comment exists", async () => {
    let asked = 0;
    const login = async () => (asked++, BOT);
    await publisher(login).upsert(body("v1"), { create: true });
    expect(asked).toBe(0);
    await publisher(login).upsert(body("v2"), { create: true });
    expect(asked).toBe(1);
  });

  it("leaves one comment when a create succeeded but its answer was lost (502)", async () => {
    s.sim.fail({ ...serverError(502), method: "POST", path: /\/comments$/, afterWrite: true });
    const result = await publisher().upsert(body("once"), { create: true });
    expect(result.action).toBe("created");
    expect(comments().map((c) => c.body)).toEqual([body("once")]);
    expect(writes()).toEqual(["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"]);
  });

  it("creates again when a create failed before writing (502)", async () => {
    s.sim.fail({ ...serverError(502), method: "POST", path: /\/comments$/ });
    await publisher().upsert(body("retry"), { create: true });
    expect(comments().map((c) => c.body)).toEqual([body("retry")]);
  });

  it("gives up after two lost creates that left nothing", async () => {
    s.sim.fail({ ...serverError(502), method: "POST", path: /\/comments$/, times: 5 });
    await expect(publisher().upsert(body("x"), { create: true })).rejects.toMatchObject({
      status: 502,
    });
    expect(comments()).toEqual([]);
  });

  it("ends with one comment when two runs race", async () => {
    await Promise.all([
      publisher().upsert(body("same"), { create: true }),
      publisher().upsert(body("same"), { create: true }),
      publisher().upsert(body("same"), { create: true }),
    ]);
    expect(comments().map((c) => c.body)).toEqual([body("same")]);
    // The race was real: all three created before any saw the others.
    const methods = writes().map((w) => w.split(" ")[0]);
    expect(methods.filter((m) => m === "POST")).toHaveLength(3);
    expect(methods.filter((m) => m === "DELETE")).toHaveLength(2);
  });

  it("removes duplicates an earlier race left, keeping the oldest", async () => {
    const oldest = s.sim.state.addComment("acme", "shop", 7, body("a"), BOT);
    s.sim.state.addComment("acme", "shop", 7, body("b"), BOT);
    const result = await publisher().upsert(body("c"), { create: true });
    expect(result).toMatchObject({ action: "updated", commentId: oldest.id });
    expect(result.deleted).toHaveLength(1);
    expect(comments().map((c) => [c.id, c.body])).toEqual([[oldest.id, body("c")]]);
  });

  it("fails with GitHub's 403 when the token may not write (the caller reports it)", async () => {
    s.sim.setTokenPermissions("ghs_actions", "read");
    await expect(publisher().upsert(body("x"), { create: true })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("writes nothing when the guard before writing says no", async () => {
    await publisher().upsert(body("v1"), { create: true });
    const before = s.sim.writes().length;
    const stale = async () => {
      throw new Error("stale head");
    };
    const guarded = createCommentPublisher(s.client, pr, { login: BOT, beforeWrite: stale });
    await expect(guarded.upsert(body("v2"), { create: true })).rejects.toThrow("stale head");
    expect(await guarded.upsert(body("v1"), { create: true })).toMatchObject({
      action: "unchanged",
    });
    expect(s.sim.writes()).toHaveLength(before);
  });

  it("refuses a body without the marker, which it could never find again", async () => {
    await expect(publisher().upsert("no marker", { create: true })).rejects.toThrow(COMMENT_MARKER);
  });
});
