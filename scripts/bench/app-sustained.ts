// Benchmark (b): `synchronize` events at a steady rate on one instance with Probot's throttling,
// each a new head on one of a few pull requests. Reports what happened: errors, duplicate
// comments, check runs per head, latency, and whether the backlog stayed bounded.
import { nextSha, percentile, sleep, startBenchApp } from "./app-bench-setup.js";

export interface SustainedOptions {
  events: number;
  intervalMs: number;
  pulls: number[];
  /** After the last event, how long to wait for the backlog to clear. */
  drainMs: number;
  onSample?: (sample: Sample) => void;
}

export interface Sample {
  atS: number;
  sent: number;
  /** Heads whose check run completed (verdict or superseded). */
  settled: number;
  inProgress: number;
  writes: number;
}

export interface SustainedResult {
  sent: number;
  errors: string[];
  duplicateComments: number;
  /** Pull requests with exactly one sticky comment. */
  pullsWithOneComment: number;
  /** Webhooks answered after 9 s or more (Probot's limit; GitHub gives up at 10 s). */
  answeredLater: number;
  answerP50Ms: number;
  answerP95Ms: number;
  answerMaxMs: number;
  verdicts: number;
  superseded: number;
  noCheckRun: number;
  leftInProgress: number;
  finalHeadsWithVerdict: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  /** Each PR's last push to its verdict, the slowest PR. */
  finalVerdictMaxMs: number;
  drainedAfterMs: number | undefined;
  writesPerMinute: number;
  samples: Sample[];
}

export async function runSustained(options: SustainedOptions): Promise<SustainedResult> {
  const bench = await startBenchApp(options.pulls, true);
  const { sim, logs } = bench.app;
  const sentAt = new Map<string, number>();
  const completedAt = new Map<string, number>();
  const finalHead = new Map<number, string>();
  const errors: string[] = [];
  const samples: Sample[] = [];
  const start = performance.now();

  const runs = () => sim.state.checkRuns;
  const watch = setInterval(() => {
    for (const run of runs())
      if (run.status === "completed" && !completedAt.has(run.headSha))
        completedAt.set(run.headSha, performance.now());
  }, 5);
  const sample = () => {
    const s: Sample = {
      atS: Math.round((performance.now() - start) / 1000),
      sent: sentAt.size,
      settled: runs().filter((r) => r.status === "completed").length,
      inProgress: runs().filter((r) => r.status !== "completed").length,
      writes: sim.writes().length,
    };
    samples.push(s);
    options.onSample?.(s);
  };
  const sampler = setInterval(sample, 20_000);

  const answers: number[] = [];
  const responses: Promise<void>[] = [];
  for (let i = 0; i < options.events; i++) {
    const number = options.pulls[i % options.pulls.length] ?? 0;
    const sha = nextSha();
    finalHead.set(number, sha);
    sentAt.set(sha, performance.now());
    const posted = performance.now();
    responses.push(
      bench.push(number, sha).then(
        (r) => {
          answers.push(performance.now() - posted);
          if (r.status >= 300) errors.push(`HTTP ${r.status} for ${sha}`);
        },
        (e: unknown) => void errors.push(`POST failed: ${String(e)}`),
      ),
    );
    await sleep(Math.max(0, start + (i + 1) * options.intervalMs - performance.now()));
  }
  const sentDone = performance.now();
  // Drained: every PR's last head has its check run, none is in progress, and the API has been
  // quiet for 4 s (the sticky comments are written after the check run).
  let requests = sim.requests.length;
  let quietSince = performance.now();
  const drained = () => {
    if (sim.requests.length !== requests)
      [requests, quietSince] = [sim.requests.length, performance.now()];
    return (
      [...finalHead.values()].every((sha) => completedAt.has(sha)) &&
      runs().every((r) => r.status === "completed") &&
      performance.now() - quietSince >= 4000
    );
  };
  while (!drained() && performance.now() - sentDone < options.drainMs) await sleep(100);
  const drainedAfterMs = drained() ? quietSince - sentDone : undefined;
  sample();
  clearInterval(sampler);
  clearInterval(watch);
  await Promise.race([Promise.all(responses), sleep(10_000)]);

  errors.push(
    ...logs.filter((l) => l.level >= 50).map((l) => `log: ${l.msg ?? ""} ${l.err?.message ?? ""}`),
    ...sim.requests
      .filter((r) => r.status >= 500)
      .map((r) => `API ${r.status} ${r.method} ${r.path}`),
  );
  const byHead = new Map(runs().map((r) => [r.headSha, r]));
  const verdictHeads = [...byHead.values()].filter(
    (r) => r.status === "completed" && r.conclusion !== "skipped",
  );
  const latencies = verdictHeads
    .map((r) => (completedAt.get(r.headSha) ?? NaN) - (sentAt.get(r.headSha) ?? NaN))
    .filter((ms) => Number.isFinite(ms));
  const comments = options.pulls.map(
    (n) => sim.state.commentsOn("acme", "web", n).filter((c) => c.user.type === "Bot").length,
  );
  const elapsedMin = (performance.now() - start) / 60_000;
  const result: SustainedResult = {
    sent: sentAt.size,
    errors,
    duplicateComments: comments.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    pullsWithOneComment: comments.filter((n) => n === 1).length,
    answeredLater: answers.filter((ms) => ms >= 9000).length,
    answerP50Ms: percentile(answers, 50),
    answerP95Ms: percentile(answers, 95),
    answerMaxMs: Math.max(...answers),
    verdicts: verdictHeads.length,
    superseded: [...byHead.values()].filter((r) => r.conclusion === "skipped").length,
    noCheckRun: [...sentAt.keys()].filter((sha) => !byHead.has(sha)).length,
    leftInProgress: runs().filter((r) => r.status !== "completed").length,
    finalHeadsWithVerdict: [...finalHead.values()].filter((sha) =>
      verdictHeads.some((r) => r.headSha === sha),
    ).length,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
    finalVerdictMaxMs: Math.max(
      ...[...finalHead.values()].map(
        (sha) => (completedAt.get(sha) ?? NaN) - (sentAt.get(sha) ?? NaN),
      ),
    ),
    drainedAfterMs,
    writesPerMinute: sim.writes().length / elapsedMin,
    samples,
  };
  // Still-queued work would keep running; the figures are taken, so stop here.
  await bench.close().catch(() => undefined);
  return result;
}
