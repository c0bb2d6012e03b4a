import { watchIdleWorker } from "../../../app/queue/watch-idle-worker.js";

function setUp(stuckMs = 30_000) {
  const state = { now: 0, running: 0, waiting: 2 as number | Error, replaced: [] as number[] };
  const watch = watchIdleWorker({
    stuckMs,
    now: () => state.now,
    running: () => state.running,
    waiting: async () => {
      if (state.waiting instanceof Error) throw state.waiting;
      return state.waiting;
    },
    replace: async (waiting) => void state.replaced.push(waiting),
  });
  /** Checks every 5 s up to `ms` from now. */
  const run = async (ms: number) => {
    for (const end = state.now + ms; state.now <= end; state.now += 5000) await watch.check();
  };
  return { state, watch, run };
}

describe("watchIdleWorker", () => {
  it("replaces a worker that runs nothing while jobs wait, after stuckMs on end", async () => {
    const { state, run } = setUp();
    await run(25_000);
    expect(state.replaced).toEqual([]);
    await run(5_000);
    expect(state.replaced).toEqual([2]);
  });

  it("leaves a busy worker alone, however many jobs wait", async () => {
    const { state, run } = setUp();
    state.running = 1;
    await run(120_000);
    expect(state.replaced).toEqual([]);
  });

  it("starts counting again after a job ran or the queue was empty", async () => {
    const { state, watch, run } = setUp();
    await run(25_000);
    state.running = 1;
    await watch.check();
    state.running = 0;
    await run(25_000);
    state.waiting = 0;
    await watch.check();
    state.waiting = 3;
    await run(25_000);
    expect(state.replaced).toEqual([]);
    await run(5_000);
    expect(state.replaced).toEqual([3]);
  });

  it("judges nothing while Redis is away", async () => {
    const { state, run } = setUp();
    state.waiting = new Error("Connection is closed.");
    await run(120_000);
    expect(state.replaced).toEqual([]);
  });

  it("counts again from the replacement", async () => {
    const { state, run } = setUp();
    await run(30_000);
    await run(25_000);
    expect(state.replaced).toHaveLength(1);
    await run(5_000);
    expect(state.replaced).toHaveLength(2);
  });
});
