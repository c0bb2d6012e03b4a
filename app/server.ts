// `npm run app`: starts Probot's server with the shipgate app, from the environment (APP_ID,
// PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET; GHE_HOST, REDIS_URL, PORT, LOG_LEVEL,
// LOG_FORMAT, COVERAGE_ARTIFACT_MAX_MB, QUEUE_CONCURRENCY, SHUTDOWN_GRACE_SECONDS,
// JOB_LOCK_SECONDS, STALE_CHECK_MINUTES, STALE_CHECK_SWEEP_MINUTES, STALE_CHECK_SWEEP_REPOSITORIES
// optional). Jobs go to BullMQ with REDIS_URL, to an in-process queue without; GET /health and
// GET /metrics report on them; SIGTERM stops taking jobs and drains (see stop). At start-up and
// every few minutes, check runs left in progress are found and re-evaluated (the sweep).
import { readFileSync } from "node:fs";
import { Probot, Server } from "probot";
import { createApp } from "./create-app.js";
import { createArtifactReader } from "./coverage/create-artifact-reader.js";
import { createGitHubClient, type OctokitLike } from "./create-github-client.js";
import { createLogger } from "./create-logger.js";
import { findFreePort } from "./find-free-port.js";
import { limitWebhookBody } from "./limit-webhook-body.js";
import { answerAccepted } from "./queue/answer-accepted.js";
import type { QueuedJobs } from "./app-runtime.js";
import { createBullmqTransport } from "./queue/create-bullmq-transport.js";
import { createEvaluationQueue, type EvaluationQueue } from "./queue/create-evaluation-queue.js";
import { createHealthHandler } from "./queue/create-health-handler.js";
import { createMemoryJobStore } from "./queue/create-memory-job-store.js";
import { createMemoryTransport } from "./queue/create-memory-transport.js";
import { createQueueMetrics } from "./queue/create-queue-metrics.js";
import { createRedisJobStore } from "./queue/create-redis-job-store.js";
import { createStaleCheckSweep, type StaleCheckSweep } from "./queue/sweep-stale-check-runs.js";
import { createRedisClient } from "./redis/redis-client-options.js";
import { createSharedThrottle } from "./redis/create-shared-throttle.js";
import { readAppSettings, type AppSettings } from "./read-app-settings.js";

async function main(): Promise<void> {
  const result = readAppSettings(process.env, (path) => readFileSync(path, "utf8"));
  if (!result.ok) {
    process.stderr.write(
      `shipgate app: cannot start:\n${result.errors.map((e) => `  - ${e}`).join("\n")}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const { settings } = result;
  // A killed instance's share of the throttle is freed when its jobs are taken over.
  const throttle = settings.redisConfig
    ? createSharedThrottle(settings.redisConfig, { slotExpiryMs: settings.jobLockMs })
    : undefined;
  const log = await createLogger(settings);
  const ProbotWithSettings = Probot.defaults({
    log,
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.secret,
    logLevel: settings.logLevel,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    ...(throttle ? { Octokit: throttle.Octokit } : {}),
  });
  // Probot's server puts the webhook middleware first; this is where bodies get their cap.
  class CappedProbot extends ProbotWithSettings {
    override async getNodeMiddleware(options?: Parameters<Probot["getNodeMiddleware"]>[0]) {
      return limitWebhookBody(answerAccepted(await super.getNodeMiddleware(options)));
    }
  }
  const server = new Server({
    log,
    Probot: CappedProbot,
    port: settings.port === 0 ? await findFreePort(settings.host) : settings.port,
    host: settings.host,
    ...(settings.webhookPath ? { webhookPath: settings.webhookPath } : {}),
    enableStaticFiles: false,
  });
  const readArtifact = createArtifactReader({
    workerUrl: new URL("./artifact-worker.mjs", import.meta.url),
    maxBytes: settings.maxArtifactBytes,
  });
  const jobs = createJobs(settings, (error) =>
    log.warn({ err: error }, "shipgate: the queue (Redis) reported a problem"),
  );
  const metrics = createQueueMetrics(() => jobs.counts());
  let stopping = false;
  let queued: QueuedJobs | undefined;
  server.addHandler(createHealthHandler(jobs, metrics, { stopping: () => stopping }));
  await server.load(
    createApp({
      readArtifact,
      jobs,
      metrics,
      leaseMs: settings.jobLockMs,
      onJobs: (started) => void (queued = started),
    }),
  );
  let sweep: StaleCheckSweep | undefined;
  await server.load((probot) => {
    sweep = createStaleCheckSweep({
      queue: jobs,
      auth: async (id, signal) =>
        createGitHubClient((await probot.auth(id)) as unknown as OctokitLike, { signal }),
      log,
      staleAfterMs: settings.staleCheckMs,
      everyMs: settings.staleSweepMs,
      maxRepositories: settings.staleSweepRepositories,
      onSwept: (report) => {
        if (!report.skipped) log.info(report, "shipgate: swept for stale check runs");
      },
    });
  });
  await server.start();
  log.info(
    `shipgate: jobs queue ${jobs.backend === "redis" ? "in Redis (BullMQ)" : "in this process"}, ${settings.queueConcurrency} at a time`,
  );
  sweep?.start();

  // SIGTERM (every redeploy): stop answering, stop taking jobs, give running ones the grace
  // period, then hand them back (Redis: another instance completes them) or, without Redis,
  // complete their check runs as neutral with a reason, so none is left in progress.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`shipgate: ${signal}: stopping; running jobs get ${settings.shutdownGraceMs} ms`);
    await server.stop().catch(() => undefined);
    await sweep?.stop();
    const { handedBack } = await jobs.stop(settings.shutdownGraceMs);
    if (handedBack.length > 0) {
      log.warn(
        { jobs: handedBack.map((job) => job.deliveryId) },
        jobs.backend === "redis"
          ? `shipgate: ${handedBack.length} running job(s) handed back to the queue`
          : `shipgate: ${handedBack.length} running job(s) stopped; their check runs are completed as neutral`,
      );
      if (jobs.backend === "memory") await queued?.completeInterrupted();
    }
    await jobs.close().catch(() => undefined);
    log.info("shipgate: stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

function createJobs(settings: AppSettings, onError: (error: Error) => void): EvaluationQueue {
  const tuning = { concurrency: settings.queueConcurrency, lockMs: settings.jobLockMs };
  const url = typeof settings.redisConfig === "string" ? settings.redisConfig : undefined;
  if (url === undefined) {
    return createEvaluationQueue(createMemoryTransport(tuning), createMemoryJobStore());
  }
  const store = createRedisClient(url);
  store.on("error", onError);
  return createEvaluationQueue(
    createBullmqTransport({ url, ...tuning, onError }),
    createRedisJobStore(store),
  );
}

await main();
