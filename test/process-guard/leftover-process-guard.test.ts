// The guard every test file runs under (jest.config.js testEnvironment): a file that leaves a
// process running fails with one message naming itself and the process, which is then killed, in
// band and with workers; a file that stops what it starts passes.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  describeLeftover,
  findDescendants,
  readProcessTable,
  waitForLeftovers,
  type ProcessEntry,
} from "./find-leftover-processes.mjs";

const ROOT = path.resolve(".");
const FIXTURES = "test/fixtures/leftover-processes";
/** The guard reads /proc: elsewhere (macOS, Windows) it finds nothing, and these tests skip. */
const describeWithProc = ((): jest.Describe => {
  if (existsSync("/proc/self/stat")) return describe;
  process.stderr.write("SKIPPED the leftover-process guard tests: no /proc (Linux only)\n");
  return describe.skip;
})();

const proc = (pid: number, ppid: number, state = "S"): ProcessEntry => ({
  pid,
  ppid,
  state,
  nice: 0,
  command: `cmd-${pid}`,
});

describe("findDescendants", () => {
  it("finds children and their children, not the root, its parent or strangers", () => {
    const table = [proc(1, 0), proc(10, 1), proc(11, 10), proc(12, 11), proc(13, 12), proc(20, 1)];
    expect(findDescendants(table, 11).map((p) => p.pid)).toEqual([12, 13]);
  });

  it("leaves out zombies (exited, waiting to be collected) but not what they started", () => {
    const table = [proc(10, 1), proc(11, 10, "Z"), proc(12, 11), proc(13, 10, "X")];
    expect(findDescendants(table, 10).map((p) => p.pid)).toEqual([12]);
  });
});

describeWithProc("waitForLeftovers on this process", () => {
  it("names a child that is still running with its command line, and not one that exits", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)", "guard-probe"], {
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      await new Promise((resolve) => child.once("spawn", resolve));
      const left = await waitForLeftovers({ graceMs: 0 });
      expect(left).toEqual([
        expect.objectContaining({
          pid: child.pid,
          ppid: process.pid,
          command: expect.stringContaining("guard-probe"),
        }),
      ]);
      expect(await waitForLeftovers({ graceMs: 0, before: new Set([child.pid!]) })).toEqual([]);
    } finally {
      child.kill("SIGKILL");
      await exited;
    }
    expect(await waitForLeftovers({ graceMs: 0 })).toEqual([]);
  });

  it("gives a process that is exiting the grace period to go", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 300)"], { stdio: "ignore" });
    await new Promise((resolve) => child.once("spawn", resolve));
    expect(await waitForLeftovers({ graceMs: 5000 })).toEqual([]);
  });
});

it("reads nothing where there is no /proc", () => {
  expect(readProcessTable(path.join(tmpdir(), "no-such-proc"))).toEqual([]);
});

it("says which file left which process, and how to fix it", () => {
  expect(
    describeLeftover("test/app/x.test.ts", { ...proc(42, 7), command: "redis-server *:6379" }),
  ).toBe(
    "test/app/x.test.ts left a process running after it finished: pid 42 (parent 7): " +
      "redis-server *:6379. Stop what the suite starts and await its exit (afterAll, afterEach " +
      "or a finally), so a failing test cleans up too; the guard has now killed it.",
  );
});

/** Runs Jest with this repository's configuration (its test environment) on the fixture files. */
async function runJest(
  args: string[],
): Promise<{ code: number | null; output: string; pid: number }> {
  const repoConfig = (await import(pathToFileURL(path.join(ROOT, "jest.config.js")).href)) as {
    default: Record<string, unknown>;
  };
  const cache = mkdtempSync(path.join(tmpdir(), "shipgate-guard-cache-"));
  const config = {
    ...repoConfig.default,
    rootDir: ROOT,
    roots: [`<rootDir>/${FIXTURES}`],
    testMatch: ["**/*.fixture.cjs"],
    // Plain CommonJS fixtures, and no rebuild of the bundles other test files are running.
    transform: {},
    extensionsToTreatAsEsm: [],
    globalSetup: undefined,
    // No timings from an earlier run: with two files and two workers, Jest then uses workers.
    cacheDirectory: cache,
  };
  const jest = path.join(ROOT, "node_modules/jest/bin/jest.js");
  const child = spawn(
    process.execPath,
    [jest, "--config", JSON.stringify(config), "--ci", ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir() },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Without the guard, the process the fixture leaves keeps Jest from exiting: stop it here, so
  // this test fails on what Jest printed rather than on its own timeout.
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  try {
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    return { code, output, pid: child.pid ?? 0 };
  } finally {
    clearTimeout(timer);
    rmSync(cache, { recursive: true, force: true });
  }
}

const LEFT = new RegExp(
  `${FIXTURES}/leaves-a-process\\.fixture\\.cjs left a process running after it finished: ` +
    `pid (\\d+) \\(parent (\\d+)\\): \\S+ -e setTimeout\\(\\(\\) => \\{\\}, 60000\\) (left-by-fixture\\S*)\\.`,
  "g",
);

const isRunning = (pid: number) =>
  readProcessTable().some((entry) => entry.pid === pid && entry.state !== "Z");

describeWithProc("Jest with the guard on the fixture files", () => {
  it.each([
    ["in band", ["--runInBand"], true],
    ["with workers", ["--maxWorkers=2"], false],
  ])(
    "%s, fails the file that leaves processes running, one line each, and kills them",
    async (_mode, args, inBand) => {
      const run = await runJest(args);
      expect(run.code).toBe(1);
      const found = [...run.output.matchAll(LEFT)];
      // One line each: the process started as the file loaded, and the one a test started.
      expect(found.map((match) => match[3]).sort()).toEqual([
        "left-by-fixture",
        "left-by-fixture-at-load",
      ]);
      for (const [, pid, ppid] of found) {
        // In band the Jest process ran the file; with workers a worker did (and is not flagged).
        expect(Number(ppid) === run.pid).toBe(inBand);
        expect(isRunning(Number(pid))).toBe(false);
      }
      expect(run.output).toMatch(/FAIL .*leaves-a-process\.fixture\.cjs/);
      expect(run.output).toMatch(/PASS .*stops-its-process\.fixture\.cjs/);
      expect(run.output).not.toMatch(/stopped-by-fixture/);
    },
    60_000,
  );
});
