// Benchmark: `synchronize` events at a steady rate over a few pull requests, spread over two App
// processes (build/app.mjs) sharing one redis-server (BullMQ), against the API simulator; and the
// same with the second instance SIGKILLed half-way and restarted. Reports the webhook answer
// times, verdict latency, writes per minute, duplicates and lost heads.
import { randomUUID } from "node:crypto";
import { createSimulator, generateAppKey } from "../../test/github-simulator/index.js";
import type { IssueRecord } from "../../test/github-simulator/types.js";
import { addedPatch } from "../../test/github/sim-client.js";
import { pullRequestEvent } from "../../test/app/payload-builders.js";
import { startApiPrefixProxy, startAppProcess } from "../../test/app/redis-app-process.js";
import { startRedisServer } from "../../test/app/redis-server.js";
import { FILES_PER_PR, nextSha, percentile, sleep } from "./app-bench-setup.js";

export interface RedisSustainedOptions {
  events: number;
  intervalMs: number;
  pulls: number[];
  drainMs: number;
  /** SIGKILL the second instance after this many events, and restart it. */
  killAfter?: number;
}

export interface RedisSustainedResult {
  sent: number;
  answerP50Ms: number;
  answerP95Ms: number;
  answerMaxMs: number;
  /** Webhooks not answered 202. */
  refused: number;
  verdictP50Ms: number;
  verdictP95Ms: number;
  writesPerMinute: number;
  /** Heads with more than one completed verdict, plus extra sticky comments. */
  duplicates: number;
  /** Final heads with no verdict once drained. */
  lostHeads: number;
  leftInProgress: number;
  drainedAfterMs: number | undefined;
}

export async function runRedisSustained(
  options: RedisSustainedOptions,
): Promise<RedisSustainedResult> {
  const redis = await startRedisServer();
  const key = generateAppKey();
  const sim = await createSimulator({ app: key.app, validate: false });
  sim.state.addInstallation({ account: "acme", id: 77 });
  const records = new Map<number, IssueRecord>();
  for (const number of options.pulls) {
    const files = Array.from({ length: FILES_PER_PR }, (_, i) => ({
      filename: `src/module-${i}/file-${i}.ts`,
      patch: addedPatch(8),
    }));
    records.set(number, sim.state.addPullRequest("acme", "web", { number, files }));
  }
  const proxy = await startApiPrefixProxy(sim.url);
  // startAppProcess waits for the "Listening on" line, logged at info.
  const env = { JOB_LOCK_SECONDS: "10" };
  const start = () => startAppProcess({ key, gheHost: proxy.host, redisUrl: redis.url, env });
  const apps = await Promise.all([start(), start()]);

  const sentAt = new Map<string, number>();
  const completedAt = new Map<string, number>();
  const finalHead = new Map<number, string>();
  const answers: number[] = [];
  let refused = 0;
  const watch = setInterval(() => {
    for (const run of sim.state.checkRuns)
      if (
        run.status === "completed" &&
        run.conclusion !== "skipped" &&
        !completedAt.has(run.headSha)
      )
        completedAt.set(run.headSha, performance.now());
  }, 5);
  // The fixture checks its payloads against GitHub's webhook schemas, which it compiles on first
  // use (3-6 s of this process's time): compiled here, before the clock, not inside the first
  // webhook's answer time.
  pullRequestEvent("synchronize", { number: options.pulls[0] ?? 0, headSha: nextSha() });
  const began = performance.now();
  const responses: Promise<void>[] = [];
  let restarting: Promise<void> | undefined;
  for (let i = 0; i < options.events; i++) {
    if (options.killAfter === i) {
      await apps[1]?.signal("SIGKILL");
      restarting = start().then((app) => void (apps[1] = app));
    }
    const number = options.pulls[i % options.pulls.length] ?? 0;
    const sha = nextSha();
    const pull = records.get(number)?.pull;
    if (pull) pull.head.sha = sha;
    finalHead.set(number, sha);
    sentAt.set(sha, performance.now());
    // Spread over both; while the second instance is down, the load balancer sends to the first.
    const target = i % 2 === 1 && apps[1]?.alive() ? apps[1] : apps[0];
    const payload = pullRequestEvent("synchronize", { number, headSha: sha });
    const posted = performance.now();
    responses.push(
      (target as NonNullable<typeof target>)
        .send("pull_request", payload, {
          deliveryId: randomUUID(),
        })
        .then(
          (r) => {
            answers.push(performance.now() - posted);
            if (r.status !== 202) refused++;
          },
          () => void refused++,
        ),
    );
    await sleep(Math.max(0, began + (i + 1) * options.intervalMs - performance.now()));
  }
  await restarting;
  const sentDone = performance.now();
  let requests = sim.requests.length;
  let quietSince = performance.now();
  const drained = () => {
    if (sim.requests.length !== requests)
      [requests, quietSince] = [sim.requests.length, performance.now()];
    return (
      [...finalHead.values()].every((sha) => completedAt.has(sha)) &&
      sim.state.checkRuns.every((r) => r.status === "completed") &&
      performance.now() - quietSince >= 4000
    );
  };
  while (!drained() && performance.now() - sentDone < options.drainMs) await sleep(100);
  const drainedAfterMs = drained() ? quietSince - sentDone : undefined;
  clearInterval(watch);
  await Promise.all(responses);

  const verdicts = sim.state.checkRuns.filter(
    (r) => r.status === "completed" && r.conclusion !== "skipped",
  );
  const perHead = new Map<string, number>();
  for (const run of verdicts) perHead.set(run.headSha, (perHead.get(run.headSha) ?? 0) + 1);
  const comments = options.pulls.map(
    (n) => sim.state.commentsOn("acme", "web", n).filter((c) => c.user.type === "Bot").length,
  );
  const latencies = [...perHead.keys()]
    .map((sha) => (completedAt.get(sha) ?? NaN) - (sentAt.get(sha) ?? NaN))
    .filter((ms) => Number.isFinite(ms));
  const minutes = (performance.now() - began) / 60_000;
  const result: RedisSustainedResult = {
    sent: sentAt.size,
    answerP50Ms: percentile(answers, 50),
    answerP95Ms: percentile(answers, 95),
    answerMaxMs: Math.max(...answers),
    refused,
    verdictP50Ms: percentile(latencies, 50),
    verdictP95Ms: percentile(latencies, 95),
    writesPerMinute: sim.writes().length / minutes,
    duplicates:
      [...perHead.values()].reduce((sum, n) => sum + n - 1, 0) +
      comments.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    lostHeads: [...finalHead.values()].filter((sha) => !perHead.has(sha)).length,
    leftInProgress: sim.state.checkRuns.filter((r) => r.status !== "completed").length,
    drainedAfterMs,
  };
  await Promise.all(apps.map((app) => app.stop()));
  await proxy.close();
  await sim.close();
  await redis.kill();
  return result;
}
