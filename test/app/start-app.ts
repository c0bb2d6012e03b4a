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
import { createApp, type AppOptions } from "../../app/create-app.js";
import { createArtifactReader } from "../../app/coverage/create-artifact-reader.js";
import { limitWebhookBody } from "../../app/limit-webhook-body.js";
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
  send(event: string, payload: unknown, options?: SendOptions): Promise<Response>;
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
    await createNodeMiddleware(
      createApp({
        appSlug: "shipgate",
        now: () => new Date("2026-03-01T12:00:00Z"),
        retry: { sleep: async (ms) => void waits.push(ms) },
        // The bundled worker, built by test/global-setup.mjs, as build/app.mjs runs it.
        readArtifact: createArtifactReader({ workerUrl: ARTIFACT_WORKER }),
        ...options.app,
      }),
      { probot },
    ),
  );
  const server: Server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url,
    sim,
    key,
    logs,
    waits,
    send: (event, payload, send = {}) =>
      sendWebhook(`${url}/api/github/webhooks`, event, payload, send),
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
export async function waitFor<T>(check: () => T, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
