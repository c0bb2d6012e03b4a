// Starts the real Probot webhook server (createNodeMiddleware on node:http, 127.0.0.1) with the
// shipgate app, its GitHub API pointed at the simulator, authenticating as a GitHub App with a
// freshly generated RSA key; and sends it signed webhooks.
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import Bottleneck from "bottleneck";
import { pino } from "pino";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import type { QueuedJobs } from "../../app/app-runtime.js";
import { createApp, type AppOptions } from "../../app/create-app.js";
import { createArtifactReader } from "../../app/coverage/create-artifact-reader.js";
import { createEvaluationQueue } from "../../app/queue/create-evaluation-queue.js";
import { createMemoryJobStore } from "../../app/queue/create-memory-job-store.js";
import { createMemoryTransport } from "../../app/queue/create-memory-transport.js";
import { limitWebhookBody } from "../../app/limit-webhook-body.js";
import { answerAccepted } from "../../app/queue/answer-accepted.js";
import {
  createSimulator,
  generateAppKey,
  type Simulator,
  type TestAppKey,
} from "../github-simulator/index.js";
import { SCENARIO } from "./payload-builders.js";

export const WEBHOOK_SECRET = "shipgate-test-secret";
const ARTIFACT_WORKER = pathToFileURL(path.resolve("build/artifact-worker.mjs"));

export interface LogLine {
  level: number;
  msg?: string;
  deliveryId?: string;
  err?: { message?: string };
}

export interface RunningApp {
  url: string;
  sim: Simulator;
  key: TestAppKey;
  logs: LogLine[];
  /** Milliseconds shared/github's retrying client was asked to wait. */
  waits: number[];
  /** Posts a webhook and waits until the queue has run every job (the App answers first). */
  send(event: string, payload: unknown, options?: SendOptions): Promise<Response>;
  /** Posts a webhook and returns its answer, without waiting for the work it queued. */
  post(event: string, payload: unknown, options?: SendOptions): Promise<Response>;
  /** Resolves once no job is waiting, running or waiting to be retried. */
  idle(): Promise<void>;
  /** The App's job queue and processor. */
  jobs: QueuedJobs;
  /** Stops the App's server only; the simulator keeps its state for a restarted App. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface SendOptions {
  deliveryId?: string;
  /** Override the signature header; null leaves it out. */
  signature?: string | null;
  rawBody?: string;
}

export interface StartOptions {
  sim?: Simulator;
  key?: TestAppKey;
  app?: AppOptions;
  /** Keep Probot's write throttling at GitHub's pace (one write a second). */
  realThrottle?: boolean;
}

/** Octokit whose write limiter does not wait a second between writes (tests only). */
function fastOctokit() {
  const group = () => new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 });
  const write = group();
  const notifications = group();
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object), write, notifications },
  }));
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const key = options.key ?? generateAppKey();
  const sim = options.sim ?? (await createSimulator({ app: key.app }));
  if (!options.sim)
    sim.state.addInstallation({ account: SCENARIO.owner, id: SCENARIO.installationId });
  const logs: LogLine[] = [];
  const log = pino(
    { level: "info" },
    { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  );
  const waits: number[] = [];
  let jobs: QueuedJobs | undefined;
  const probot = new Probot({
    appId: key.app.id,
    privateKey: key.privateKey,
    secret: WEBHOOK_SECRET,
    baseUrl: sim.url,
    log,
    ...(options.realThrottle ? {} : { Octokit: fastOctokit() as unknown as typeof ProbotOctokit }),
  });
  // Bodies get their cap in front of Probot's middleware, as app/server.ts does.
  const middleware = limitWebhookBody(
    answerAccepted(
      await createNodeMiddleware(
        createApp({
          appSlug: "shipgate",
          now: () => new Date("2026-03-01T12:00:00Z"),
          retry: { sleep: async (ms) => void waits.push(ms) },
          // The bundled worker, built by test/global-setup.mjs, as build/app.mjs runs it.
          readArtifact: createArtifactReader({ workerUrl: ARTIFACT_WORKER }),
          // Retries as deployed, minus the waits.
          jobs: createEvaluationQueue(
            createMemoryTransport({ backoffMs: 5 }),
            createMemoryJobStore(),
          ),
          ...options.app,
          onJobs: (queued) => {
            jobs = queued;
            options.app?.onJobs?.(queued);
          },
        }),
        { probot },
      ),
    ),
  );
  const server: Server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  if (!jobs) throw new Error("startApp: the app did not start its job queue");
  const queued = jobs;
  const idle = async () => {
    for (;;) {
      const { waiting, active, delayed } = await queued.queue.counts();
      if (waiting + active + delayed === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const post = (event: string, payload: unknown, send: SendOptions = {}) =>
    sendWebhook(`${url}/api/github/webhooks`, event, payload, send);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await queued.queue.stop(5000);
    await queued.queue.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url,
    sim,
    key,
    logs,
    waits,
    jobs: queued,
    idle,
    post,
    async send(event, payload, send = {}) {
      const response = await post(event, payload, send);
      await idle();
      return response;
    },
    stop,
    close: async () => {
      await stop();
      if (!options.sim) await sim.close();
    },
  };
}

export function sign(body: string, secret = WEBHOOK_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function sendWebhook(
  url: string,
  event: string,
  payload: unknown,
  options: SendOptions = {},
): Promise<Response> {
  const body = options.rawBody ?? JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": options.deliveryId ?? randomUUID(),
    "user-agent": "GitHub-Hookshot/test",
  };
  const signature = options.signature === undefined ? sign(body) : options.signature;
  if (signature !== null) headers["x-hub-signature-256"] = signature;
  return fetch(url, { method: "POST", headers, body });
}

/** Polls until `check` passes (or its last error after the timeout). */
export async function waitFor<T>(check: () => T, timeoutMs = 10_000): Promise<Awaited<T>> {
  const start = Date.now();
  for (;;) {
    try {
      // Awaited here, so an async check that rejects is retried like a sync one that throws.
      return await check();
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
