// The bundled `check` command is loaded with a V8 code cache: a run after the first reads the
// cache instead of compiling, and nothing about the cache can break or hijack a run. Each load
// runs in a fresh Node process, as each CLI run does (a process compiles the same source once).
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync, stop } from "esbuild";
import { defaultCacheDir, MAX_CACHES } from "../../cli/load-cached-script.js";

let dir: string;
let script: string;
let driver: string;
beforeAll(() => {
  driver = join(mkdtempSync(join(tmpdir(), "shipgate-script-driver-")), "driver.mjs");
  buildSync({
    stdin: {
      contents: [
        'import { loadCachedScript } from "./cli/load-cached-script.ts";',
        "const [file, cacheDir] = process.argv.slice(2);",
        "let wrote = false;",
        "const onExit = (write) => { wrote = true; write(); };",
        "const options = cacheDir === '-' ? null : { dir: cacheDir, onExit };",
        "try {",
        "  const exports = loadCachedScript(file, options);",
        "  process.stdout.write(JSON.stringify({ exports, wrote }));",
        "} catch (error) {",
        "  process.stdout.write(JSON.stringify({ error: error.message }));",
        "}",
      ].join("\n"),
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: driver,
    logLevel: "error",
  });
});
afterAll(async () => {
  // buildSync starts an esbuild service process that otherwise runs as long as Jest does (in
  // band, through every later test file); stop() ends it (measured: gone within 20 ms).
  await stop();
  rmSync(join(driver, ".."), { recursive: true, force: true });
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "shipgate-script-cache-"));
  script = join(dir, "command.cjs");
  writeFileSync(
    script,
    [
      'const path = require("node:path");',
      "function twice(n) { return n * 2; }",
      "exports.answer = twice(21);",
      "exports.where = path.basename(__filename);",
    ].join("\n"),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Loads the script in a new process: its exports, and whether it wrote a cache at exit. */
function load(cacheDir: string | null = join(dir, "cache")): unknown {
  const run = spawnSync(process.execPath, [driver, script, cacheDir ?? "-"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as unknown;
}

describe("loadCachedScript", () => {
  it("runs a CommonJS file with require and __filename, and returns its exports", () => {
    expect(load(null)).toEqual({ exports: { answer: 42, where: "command.cjs" }, wrote: false });
  });

  it("writes a cache at exit on the first run, and reads it instead on the next", () => {
    expect(load()).toMatchObject({ wrote: true });
    expect(readdirSync(join(dir, "cache"))).toEqual([
      expect.stringMatching(/^command\.cjs-.*\.bin$/),
    ]);
    expect(load()).toEqual({ exports: { answer: 42, where: "command.cjs" }, wrote: false });
  });

  it("compiles as usual and writes a new cache when the cache is damaged", () => {
    load();
    const [name = ""] = readdirSync(join(dir, "cache"));
    writeFileSync(join(dir, "cache", name), "not a code cache");
    expect(load()).toEqual({ exports: { answer: 42, where: "command.cjs" }, wrote: true });
    expect(load()).toMatchObject({ wrote: false });
  });

  it("never runs an edited script from its old cache, even one of the same length", () => {
    load();
    // V8 checks a cache against the source's length only: this edit would run the old code.
    writeFileSync(script, readFileSync(script, "utf8").replace("twice(21)", "twice(22)"));
    expect(load()).toEqual({ exports: { answer: 44, where: "command.cjs" }, wrote: true });
  });

  it(`keeps the ${MAX_CACHES} most recent caches in its folder`, () => {
    const cacheDir = join(dir, "cache");
    mkdirSync(cacheDir, { mode: 0o700 });
    const old = Array.from({ length: MAX_CACHES }, (_, i) => join(cacheDir, `old-${i}.bin`));
    old.forEach((file, i) => {
      writeFileSync(file, "");
      utimesSync(file, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
    });
    expect(load()).toMatchObject({ wrote: true });
    const kept = readdirSync(cacheDir);
    expect(kept).toHaveLength(MAX_CACHES);
    expect(kept).not.toContain("old-0.bin"); // the oldest went
    expect(kept).toContain(`old-${MAX_CACHES - 1}.bin`);
    expect(load()).toMatchObject({ wrote: false }); // and this script's own cache stayed
  });

  it("neither reads nor writes a cache in a folder that others can write to", () => {
    const shared = join(dir, "shared");
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(load(shared)).toEqual({ exports: { answer: 42, where: "command.cjs" }, wrote: false });
    expect(readdirSync(shared)).toEqual([]);
  });

  it("runs without a cache when the cache folder cannot be made", () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    expect(load(join(file, "cache"))).toEqual({
      exports: { answer: 42, where: "command.cjs" },
      wrote: false,
    });
  });

  it("says how to build when the script is missing", () => {
    rmSync(script);
    expect(load()).toEqual({
      error: expect.stringMatching(
        /^the CLI is not built \(.*command\.cjs is missing\): run 'npm install' or 'npm run build'$/,
      ) as unknown,
    });
  });
});

describe("defaultCacheDir", () => {
  it("is a per-user folder in the temporary directory, and off with NODE_DISABLE_COMPILE_CACHE", () => {
    expect(defaultCacheDir({})).toMatch(/shipgate-compile-cache-\w+$/);
    expect(defaultCacheDir({ NODE_DISABLE_COMPILE_CACHE: "1" })).toBeNull();
  });
});
