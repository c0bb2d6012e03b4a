// Starts Debian's redis-server on a free loopback port for the shared-throttling tests, without
// persistence, and stops it (SIGKILL: Redis vanishing, not a polite shutdown).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { describeIfFound, findOnPath } from "../helpers/needs-program.js";

export interface RedisServer {
  url: string;
  port: number;
  /** Kills redis-server and waits until it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
}

/** `describe` for suites that start redis-server: skipped with one line where it is missing. */
export function describeWithRedis(suite: string): jest.Describe {
  const found = findOnPath("redis-server");
  return describeIfFound({
    program: "redis-server",
    found,
    suite,
    install: "apt-get install redis-server",
  });
}

export function findRedisServer(): string {
  const found = findOnPath("redis-server");
  if (!found) {
    throw new Error(
      "redis-server is not installed: the shared-throttling tests need it. Install it with " +
        "`apt-get install redis-server` (CI's .ci/run does).",
    );
  }
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = findRedisServer();
  const port = await freePort();
  let child: ChildProcess | undefined = await launch(binary, port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async kill() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
    async restart() {
      child ??= await launch(binary, port);
    },
  };
}

function launch(binary: string, port: number): Promise<ChildProcess> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const onExit = (code: number | null) => fail(new Error(`redis-server exited with ${code}`));
    const timer = setTimeout(() => fail(new Error("redis-server did not start in 10 s")), 10_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${output}`));
    };
    child.stdout?.on("data", (data: Buffer) => {
      output += data.toString();
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve(child);
      }
    });
    child.stderr?.on("data", (data: Buffer) => void (output += data.toString()));
    child.once("exit", onExit);
  });
}
