// Coalescing per-PR queue: under a burst of pushes only heads still current are evaluated, the
// last event queued always runs, and out-of-order deliveries still evaluate the current head.
import { createCoalescingQueue } from "../../../app/create-coalescing-queue.js";

/** A queue whose first task blocks until released, so the others pile up behind it. */
function setup(currentHead: () => string) {
  const queue = createCoalescingQueue();
  const evaluated: string[] = [];
  let headReads = 0;
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const blocker = queue.run("pr", () => gate);
  const push = (sha: string) =>
    queue.runLatest(
      "pr",
      sha,
      async () => (headReads++, currentHead() === sha),
      async () => (evaluated.push(sha), sha),
    );
  return { queue, evaluated, push, release: () => release(), blocker, reads: () => headReads };
}

describe("createCoalescingQueue", () => {
  it.each([
    ["pushes in order", ["a", "b", "c"], "c", ["c"], [undefined, undefined, "c"]],
    ["the current head arrived before an older one", ["b", "a"], "b", ["b", "a"], ["b", "a"]],
    ["the same head twice", ["a", "a"], "a", ["a"], [undefined, "a"]],
    ["a single event", ["a"], "a", ["a"], ["a"]],
  ])("%s: queued %j with head %s evaluates %j", async (_name, shas, head, evaluated, results) => {
    const q = setup(() => head);
    const all = Promise.all(shas.map(q.push));
    q.release();
    expect(await all).toEqual(results);
    expect(q.evaluated).toEqual(evaluated);
  });

  it("asks for the head only when a later event for another head is queued", async () => {
    const q = setup(() => "c");
    const all = Promise.all(["a", "a", "c"].map(q.push));
    q.release();
    await all;
    // The first "a" defers to the second without asking; the second asks once; "c" is last.
    expect(q.reads()).toBe(1);
  });

  it("evaluates when the head cannot be read", async () => {
    const queue = createCoalescingQueue();
    const failing = async (): Promise<boolean> => {
      throw new Error("API down");
    };
    const results = await Promise.all([
      queue.runLatest("pr", "a", failing, async () => "a"),
      queue.runLatest("pr", "b", failing, async () => "b"),
    ]);
    expect(results).toEqual(["a", "b"]);
  });

  it("keeps pull requests apart and forgets a PR once its queue is empty", async () => {
    const queue = createCoalescingQueue();
    const never = async () => false;
    const results = await Promise.all([
      queue.runLatest("pr1", "a", never, async () => "pr1:a"),
      queue.runLatest("pr2", "b", never, async () => "pr2:b"),
    ]);
    expect(results).toEqual(["pr1:a", "pr2:b"]);
    expect(queue.size()).toBe(0);
    await expect(queue.runLatest("pr1", "c", never, async () => "pr1:c")).resolves.toBe("pr1:c");
  });

  it("still runs other tasks for the PR in arrival order", async () => {
    const queue = createCoalescingQueue();
    const order: string[] = [];
    await Promise.all([
      queue.runLatest(
        "pr",
        "a",
        async () => true,
        async () => void order.push("eval a"),
      ),
      queue.run("pr", async () => void order.push("recheck")),
    ]);
    expect(order).toEqual(["eval a", "recheck"]);
  });
});
