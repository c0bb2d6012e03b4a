// `npm run app` start-up: a clear error naming every missing setting, and a server that answers
// once the settings are there. Runs the bundle users run, build/app.mjs (built by test/global-setup.mjs).
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateAppKey } from "../github-simulator/index.js";

const ENTRY = path.resolve("build/app.mjs");

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Every App this file starts, stopped after each test, passed or failed. */
const running = new Set<ChildProcess>();

/**
 * Kills the App and waits until it has exited. SIGKILL, not SIGTERM: on SIGTERM the App waits for
 * its start-up sweep for stale check runs, whose first request retries for 7 s when no GitHub
 * answers (measured here, without network).
 */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
  running.delete(child);
}

afterEach(async () => {
  await Promise.all([...running].map(stop));
});

function startApp(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [ENTRY], { env });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

function runServer(
  env: Record<string, string>,
  untilOutput?: RegExp,
): Promise<Exit & { stop: () => Promise<void> }> {
  return new Promise((resolve) => {
    const child = startApp({ PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env });
    let stdout = "";
    let stderr = "";
    const check = () => {
      if (untilOutput?.test(stdout + stderr))
        resolve({ code: null, stdout, stderr, stop: () => stop(child) });
    };
    child.stdout?.on("data", (d: Buffer) => ((stdout += d.toString()), check()));
    child.stderr?.on("data", (d: Buffer) => ((stderr += d.toString()), check()));
    child.on("exit", (code) => resolve({ code, stdout, stderr, stop: () => stop(child) }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("npm run app start-up", () => {
  it("names every missing setting and exits 1", async () => {
    const result = await runServer({});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/APP_ID is not set/);
    expect(result.stderr).toMatch(/PRIVATE_KEY or PRIVATE_KEY_PATH is not set/);
    expect(result.stderr).toMatch(/WEBHOOK_SECRET is not set/);
  });

  it("names an unreadable PRIVATE_KEY_PATH", async () => {
    const result = await runServer({
      APP_ID: "1",
      PRIVATE_KEY_PATH: "/nonexistent/key.pem",
      WEBHOOK_SECRET: "s",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PRIVATE_KEY_PATH \/nonexistent\/key\.pem cannot be read/);
  });

  it("starts Probot's server on the given port with a key file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "shipgate-app-"));
    const keyPath = path.join(dir, "key.pem");
    writeFileSync(keyPath, generateAppKey().privateKey);
    const port = await freePort();
    await runServer(
      {
        APP_ID: "4242",
        PRIVATE_KEY_PATH: keyPath,
        WEBHOOK_SECRET: "s",
        PORT: String(port),
        HOST: "127.0.0.1",
      },
      /Listening on/,
    );
    const response = await fetch(`http://127.0.0.1:${port}/ping`);
    expect(await response.text()).toBe("PONG");
  });

  it("PORT=0 listens on a free port and names it (Probot alone would take 3000)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "shipgate-app-"));
    const keyPath = path.join(dir, "key.pem");
    writeFileSync(keyPath, generateAppKey().privateKey);
    const app = await runServer(
      {
        APP_ID: "4242",
        PRIVATE_KEY_PATH: keyPath,
        WEBHOOK_SECRET: "s",
        PORT: "0",
        HOST: "127.0.0.1",
      },
      /Listening on http:\/\/127\.0\.0\.1:\d+/,
    );
    const port = Number(/Listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(app.stdout)?.[1]);
    expect(port).toBeGreaterThan(0);
    expect(port).not.toBe(3000);
    expect(await (await fetch(`http://127.0.0.1:${port}/ping`)).text()).toBe("PONG");
  });

  it("logs JSON with LOG_FORMAT=json, and nothing below LOG_LEVEL", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "shipgate-app-"));
    const keyPath = path.join(dir, "key.pem");
    writeFileSync(keyPath, generateAppKey().privateKey);
    const settings = {
      APP_ID: "4242",
      PRIVATE_KEY_PATH: keyPath,
      WEBHOOK_SECRET: "s",
      PORT: "0",
      HOST: "127.0.0.1",
    };
    const json = await runServer({ ...settings, LOG_FORMAT: "json" }, /Listening on/);
    await json.stop();
    const listening = json.stdout.split("\n").find((line) => line.includes("Listening on"));
    expect(JSON.parse(listening ?? "")).toMatchObject({ level: 30, name: "probot" });

    const port = await freePort();
    const child = startApp({
      PATH: process.env.PATH ?? "",
      ...settings,
      PORT: String(port),
      LOG_LEVEL: "warn",
    });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    let answer = "";
    for (let tries = 0; tries < 100 && answer !== "PONG"; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await fetch(`http://127.0.0.1:${port}/ping`).then(
        (r) => r.text(),
        () => "",
      );
    }
    expect(answer).toBe("PONG");
    expect(output).not.toMatch(/Listening on/);
  });

  it("rejects an unknown LOG_FORMAT", async () => {
    const result = await runServer({
      APP_ID: "1",
      PRIVATE_KEY: generateAppKey().privateKey,
      WEBHOOK_SECRET: "s",
      LOG_FORMAT: "xml",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/LOG_FORMAT must be pretty or json, got "xml"/);
  });
});
