// Runs the App as users run it (build/app.mjs, `npm run app`) in a child process, pointed at the
// GitHub API simulator as a GitHub Enterprise Server (GHE_HOST, plain HTTP), for tests that need
// separate instances: each has its own memory, throttling and Redis connections.
import { spawn } from "node:child_process";
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { TestAppKey } from "../github-simulator/index.js";
import { freePort } from "./redis-server.js";
import { sendWebhook, WEBHOOK_SECRET, type SendOptions } from "./start-app.js";

export interface AppProcess {
  url: string;
  /** The process id, to read its memory from /proc. */
  pid: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Everything the process printed so far. */
  output(): string;
  /** The structured log lines printed so far (LOG_FORMAT=json), parsed. */
  logs(): LogEntry[];
  send(event: string, payload: unknown, options?: SendOptions): Promise<Response>;
  /** Sends `signal` (SIGTERM, SIGKILL) and resolves with the exit code once it has exited. */
  signal(signal: NodeJS.Signals): Promise<number | null>;
  stop(): Promise<void>;
}

/** A pino line: the message and the fields bound to it (deliveryId, jobId, pr, head, …). */
export type LogEntry = { msg?: string; level?: number } & Record<string, unknown>;

const ENTRY = path.resolve("build/app.mjs");

export async function startAppProcess(options: {
  key: TestAppKey;
  /** host:port of the API, served under /api/v3 (see startApiPrefixProxy). */
  gheHost: string;
  redisUrl?: string;
  /** More environment (App settings such as SHIPGATE_MAX_ARTIFACT_BYTES). */
  env?: Record<string, string>;
}): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH ?? "",
      APP_ID: String(options.key.app.id),
      PRIVATE_KEY: options.key.privateKey,
      WEBHOOK_SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      GHE_HOST: options.gheHost,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: "info",
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => void (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => void (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (!/Listening on/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the App did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    pid: child.pid ?? 0,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    logs: () => parseLogLines(output),
    send: (event, payload, send) => sendWebhook(`${url}/api/github/webhooks`, event, payload, send),
    async signal(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      return child.exitCode;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/**
 * Runs the starts side by side and waits for every one, even when one fails: with Promise.all a
 * failed start fails the hook while another is still starting, and that App then starts after
 * afterAll has run and stays up. Each start records what it started, for afterAll to stop.
 */
export async function startTogether<T>(starts: Array<() => Promise<T>>): Promise<T[]> {
  const results = await Promise.allSettled(starts.map((start) => start()));
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}

function parseLogLines(output: string): LogEntry[] {
  return output.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      return [JSON.parse(line) as LogEntry];
    } catch {
      return []; // a line still being written
    }
  });
}

/** Serves `target` under /api/v3, as GitHub Enterprise Server serves its API. */
export async function startApiPrefixProxy(
  target: string,
): Promise<{ host: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => forwardTo(req, res));
  const forwardTo = (req: IncomingMessage, res: ServerResponse) => {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: (req.url ?? "/").replace(/^\/api\/v3(?=\/|$)/, "") || "/",
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
