// What the App's attack tests and `npm run bench` share: the App as users run it (build/app.mjs) in
// its own process against the GitHub API simulator, a watcher that reads the process's memory from
// /proc and times /ping all along, and the attacks themselves (huge request bodies, zip bombs).
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { crc32, createDeflateRaw } from "node:zlib";
import { createSimulator, generateAppKey, type Simulator } from "../github-simulator/index.js";
import { addedPatch } from "../github/sim-client.js";
import { BASE_SHA, workflowRunCompleted } from "../app/payload-builders.js";
import { sign } from "../app/start-app.js";
import { startApiPrefixProxy, startAppProcess, type AppProcess } from "../app/redis-app-process.js";

export const MB = 1024 * 1024;

export interface AttackTarget {
  sim: Simulator;
  app: AppProcess;
  close(): Promise<void>;
}

export async function startAttackTarget(env: Record<string, string> = {}): Promise<AttackTarget> {
  const key = generateAppKey();
  const sim = await createSimulator({ app: key.app, validate: false });
  sim.state.addInstallation({ account: "acme", id: 77 });
  const proxy = await startApiPrefixProxy(sim.url);
  const app = await startAppProcess({ key, gheHost: proxy.host, env });
  return {
    sim,
    app,
    async close() {
      await app.stop();
      await proxy.close();
      await sim.close();
    },
  };
}

export interface ProcessFigures {
  /** The most memory the process ever held resident (VmHWM), in MiB. */
  peakRssMb: number;
  /** The slowest /ping answer while watched (a ping with no answer counts until it gave up). */
  longestPingMs: number;
  pings: number;
  /** Pings that got no answer (refused, reset, or no answer within 30 s). */
  failedPings: number;
  /** Whether the process was still running when the watch ended. */
  survived: boolean;
}

/**
 * Pings the App every 50 ms, from a thread of its own (the simulator shares this process's event
 * loop and would delay the pings it times), and samples the App's memory, until `stop()`.
 */
export function watchProcess(app: AppProcess): { stop(): Promise<ProcessFigures> } {
  let peakKb = 0;
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${app.pid}/status`, "utf8");
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // The process is gone; the last sample stands.
    }
  };
  const sampler = setInterval(sample, 50);
  const pinger = new Worker(PINGER, { eval: true, workerData: { url: `${app.url}/ping` } });
  return {
    async stop() {
      const figures = new Promise<{ longest: number; pings: number; failed: number }>((resolve) =>
        pinger.once("message", resolve),
      );
      pinger.postMessage("stop");
      const { longest, pings, failed } = await figures;
      await pinger.terminate();
      sample();
      clearInterval(sampler);
      return {
        peakRssMb: Math.round(peakKb / 1024),
        longestPingMs: Math.round(longest),
        pings,
        failedPings: failed,
        survived: app.alive(),
      };
    },
  };
}

const PINGER = `
const { parentPort, workerData } = require("node:worker_threads");
let running = true, longest = 0, pings = 0, failed = 0;
parentPort.once("message", () => { running = false; });
(async () => {
  // One untimed ping first: the thread's first fetch pays for setting up its HTTP client.
  await fetch(workerData.url).then((r) => r.text(), () => "");
  while (running) {
    const started = performance.now();
    const ok = await fetch(workerData.url, { signal: AbortSignal.timeout(30000) }).then(
      async (r) => (await r.text()) === "PONG",
      () => false,
    );
    longest = Math.max(longest, performance.now() - started);
    pings++;
    if (!ok) failed++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  parentPort.postMessage({ longest, pings, failed });
})();
`;

export interface PostResult {
  /** The status the App answered, or null when it answered nothing (the connection died). */
  status: number | null;
  /** From the first byte sent to the answer (or the connection's end). */
  ms: number;
  /** Bytes written before the App answered or closed. */
  sentBytes: number;
}

/**
 * POSTs `bytes` of JSON-ish filler to the webhook path in 1 MiB writes, unsigned. `contentLength`:
 * "honest" declares the size, "absent" streams it chunked, or a number declares that instead.
 */
export function postHugeBody(
  url: string,
  bytes: number,
  contentLength: "honest" | "absent" | number,
): Promise<PostResult> {
  const chunk = Buffer.alloc(MB, "a");
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": "pull_request",
    "x-github-delivery": "attack",
    "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
  };
  if (contentLength === "honest") headers["content-length"] = String(bytes);
  else if (typeof contentLength === "number") headers["content-length"] = String(contentLength);
  return new Promise((resolve) => {
    const started = performance.now();
    let sent = 0;
    let done = false;
    const finish = (status: number | null) => {
      if (done) return;
      done = true;
      resolve({ status, ms: Math.round(performance.now() - started), sentBytes: sent });
      req.destroy();
    };
    const req = request(`${url}/api/github/webhooks`, { method: "POST", headers });
    req.on("response", (res) => {
      res.resume();
      finish(res.statusCode ?? null);
    });
    req.on("error", () => finish(null));
    req.on("close", () => finish(null));
    const write = () => {
      while (!done && sent < bytes) {
        const piece = bytes - sent >= chunk.length ? chunk : chunk.subarray(0, bytes - sent);
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", write);
      }
      if (!done) req.end();
    };
    write();
  });
}

/** A signed delivery on a connection of its own (no pooled keep-alive socket): its status. */
export function postSigned(url: string, event: string, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/github/webhooks`, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "x-github-event": event,
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": sign(body),
      },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * A zip with one `lcov.info` that inflates to about `bytes`: thousands of source files of 2,000
 * executable lines each, which deflate packs more than 100 to 1.
 */
export async function lcovBombZip(bytes: number): Promise<Buffer> {
  const lines = Array.from({ length: 2000 }, (_, i) => `DA:${i + 1},1`).join("\n");
  const deflate = createDeflateRaw({ level: 6 });
  const packed: Buffer[] = [];
  deflate.on("data", (b: Buffer) => packed.push(b));
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  let size = 0;
  let crc = 0;
  for (let file = 0; size < bytes; file++) {
    const block = Buffer.from(`SF:src/module-${file}.ts\n${lines}\nend_of_record\n`);
    crc = crc32(block, crc);
    size += block.length;
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await ended;
  return zipOneFile("lcov.info", Buffer.concat(packed), size, crc);
}

function zipOneFile(name: string, data: Buffer, size: number, crc: number): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralAt = 30 + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

const COVERAGE_CONFIG = [
  "rules:",
  "  rollout-notes: { level: off }",
  "  linked-risks: { level: off }",
  "  coverage:",
  "    artifact: { workflow: ci.yml, name: coverage }",
  "",
].join("\n");

/** Pull request `number` whose CI run `runId` uploaded `zip` as its coverage artifact. */
/** A pull request whose coverage comes from `zip`, changing `files` files (src/module-N.ts). */
export function seedCoveragePull(
  sim: Simulator,
  number: number,
  zip: Buffer,
  files = 1,
): CoveragePull {
  for (const ref of [BASE_SHA, "main"])
    sim.state.setFile("acme", "web", ref, ".github/shipgate.yml", COVERAGE_CONFIG);
  const headSha = number.toString(16).padStart(40, "c");
  const runId = 5000 + number;
  sim.state.addPullRequest("acme", "web", {
    number,
    head: { sha: headSha },
    base: { sha: BASE_SHA },
    files: Array.from({ length: files }, (_, i) => ({
      filename: `src/module-${i + 1}.ts`,
      patch: addedPatch(20),
    })),
  });
  sim.state.addArtifact("acme", "web", runId, { name: "coverage", data: zip });
  return {
    headSha,
    event: workflowRunCompleted({
      id: runId,
      headSha,
      path: ".github/workflows/ci.yml",
      pulls: [number],
    }),
  };
}

export interface CoveragePull {
  headSha: string;
  /** The workflow_run.completed delivery that makes the App read the artifact. */
  event: Record<string, unknown>;
}

/** Check runs of `headSha`: completed ones and ones still in progress. */
export function checkRunsOf(sim: Simulator, headSha: string) {
  const runs = sim.state.checkRuns.filter((r) => r.headSha === headSha);
  return {
    completed: runs.filter((r) => r.status === "completed"),
    inProgress: runs.filter((r) => r.status !== "completed"),
  };
}
