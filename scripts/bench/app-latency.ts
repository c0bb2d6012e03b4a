// Benchmark (a): one 30-file pull request, deliveries one after another with the App idle in
// between: time from the webhook POST to the completed check run, and API requests per evaluation.
import { nextSha, percentile, sleep, startBenchApp } from "./app-bench-setup.js";

export interface LatencyResult {
  deliveries: number;
  p50Ms: number;
  minMs: number;
  maxMs: number;
  reads: number;
  writes: number;
  /** Requests of one evaluation, `METHOD template`, in order. */
  calls: string[];
  /** The check run's conclusion and whether a sticky comment was written. */
  outcome: string;
}

export async function measureLatency(
  deliveries: number,
  throttled: boolean,
): Promise<LatencyResult> {
  const bench = await startBenchApp([7], throttled);
  const { sim } = bench.app;
  const latencies: number[] = [];
  const perEvaluation: { reads: number; writes: number; calls: string[] }[] = [];
  let outcome = "";
  try {
    // One warm-up delivery: the token exchange and first-use costs are not per evaluation.
    for (let i = -1; i < deliveries; i++) {
      const sha = nextSha();
      const before = sim.requests.length;
      const started = performance.now();
      const response = bench.push(7, sha);
      while (!sim.state.checkRuns.some((r) => r.headSha === sha && r.status === "completed"))
        await sleep(1);
      const elapsed = performance.now() - started;
      await response;
      const calls = sim.requests.slice(before);
      if (i < 0) continue;
      latencies.push(elapsed);
      perEvaluation.push({
        reads: calls.filter((r) => r.method === "GET").length,
        writes: calls.filter((r) => r.method !== "GET").length,
        calls: calls.map((r) => `${r.method} ${r.template ?? r.path}`),
      });
      // Let the write limiter go idle: each delivery is measured as if it came alone.
      if (throttled) await sleep(1100);
    }
    const run = sim.state.checkRuns[sim.state.checkRuns.length - 1];
    const comments = sim.state.commentsOn("acme", "web", 7).length;
    outcome = `${run?.conclusion ?? "?"} ("${run?.output.title ?? ""}"), ${comments} sticky comment`;
  } finally {
    await bench.close();
  }
  const last = perEvaluation[perEvaluation.length - 1];
  return {
    deliveries,
    p50Ms: percentile(latencies, 50),
    minMs: Math.min(...latencies),
    maxMs: Math.max(...latencies),
    reads: percentile(
      perEvaluation.map((e) => e.reads),
      50,
    ),
    writes: percentile(
      perEvaluation.map((e) => e.writes),
      50,
    ),
    calls: last?.calls ?? [],
    outcome,
  };
}
