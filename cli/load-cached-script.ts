// Loads a bundled CommonJS command (build/cli-chunks/*.cjs) with a V8 code cache beside it, so a
// run after the first skips compiling it. Node 20 caches no ES module code (Node 22's
// module.enableCompileCache does), and compiling the check command (~0.7 MB) took as long as
// starting Node. Only the build uses this (scripts/build.mjs); the sources load commands with
// import(). The cache is an optimisation: anything wrong with it and the script compiles as usual.
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { notBuiltError } from "./cli-error.js";

export interface ScriptCacheOptions {
  /** Where caches are kept; one file per script content and Node version. */
  dir: string;
  /** Write the cache when the process is about to exit, with what the run compiled by then. */
  onExit: (write: () => void) => void;
}

/** The per-user cache folder, or null when caching is turned off (NODE_DISABLE_COMPILE_CACHE). */
export function defaultCacheDir(env: Record<string, string | undefined>): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  return path.join(tmpdir(), `shipgate-compile-cache-${user}`);
}

/** Runs the CommonJS file and returns its exports; `cache` null compiles without a cache. */
export function loadCachedScript(file: string, cache: ScriptCacheOptions | null): unknown {
  return compileCachedScript(file, cache)();
}

/**
 * Reads and compiles the CommonJS file (with its cache, if any) and returns what runs it: a
 * caller can compile while it waits for something else, and run the script later.
 */
export function compileCachedScript(file: string, cache: ScriptCacheOptions | null): () => unknown {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    throw notBuiltError(file);
  }
  const cacheFile = cache === null ? null : usableCacheFile(cache.dir, file);
  const cachedData = cacheFile === null ? undefined : readCache(cacheFile);
  // The wrapper stays on the first line, so line numbers in stack traces are the file's own.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  return () => {
    const module = { exports: {} as unknown };
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run(module.exports, createRequire(file), module, file, path.dirname(file));
    if (
      cache !== null &&
      cacheFile !== null &&
      (cachedData === undefined || script.cachedDataRejected)
    ) {
      cache.onExit(() => writeCache(cacheFile, script.createCachedData()));
    }
    return module.exports;
  };
}

/**
 * The cache file for this script, in a folder only this user can write; null if there is none.
 * V8 checks a cache only against the source's length (and its own version and flags), so the
 * name says which content it is for: the script's name (the build puts a hash of its content
 * there), and its size and times, which change when it is edited in place.
 */
function usableCacheFile(dir: string, file: string): string | null {
  const identity = scriptIdentity(file);
  return identity !== null && isOwnCacheDir(dir) ? path.join(dir, `${identity}.bin`) : null;
}

/**
 * The script's name (the build puts a hash of its content there), its size and times, and the
 * Node version and architecture, as a file name; null when the file cannot be read.
 */
export function scriptIdentity(file: string): string | null {
  try {
    const script = statSync(file);
    const key = [
      path.basename(file),
      script.size,
      script.mtimeMs,
      script.ctimeMs,
      process.version,
      process.arch,
    ];
    return key.join("-").replace(/[^\w.-]/g, "_");
  } catch {
    return null;
  }
}

/**
 * Makes the cache folder if need be, and says whether it is fit to read from: a cache is code
 * (or a verdict's input) this process uses, so never one that someone else could have written.
 */
export function isOwnCacheDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    const ownedByUs = typeof process.getuid !== "function" || stat.uid === process.getuid();
    return stat.isDirectory() && ownedByUs && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Written beside and renamed into place, so a concurrent run never reads half a cache; then
 * the oldest caches of the same kind (file extension) past MAX_CACHES go.
 */
export function writeCache(file: string, data: Buffer | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, "w", 0o600);
    try {
      writeFileSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    removeOldCaches(path.dirname(file), path.extname(file));
  } catch {
    // A full disk or a read-only folder: the next run compiles (or parses) again.
  }
}

/**
 * Caches of one kind kept per folder. Each build (and Node version) writes its own code caches,
 * up to four (the check command, ~1 MB, and the libraries it loads on first use), so this keeps
 * the last four builds; of configs (cli/config-cache.ts), the sixteen last parsed.
 */
export const MAX_CACHES = 16;

/** Past MAX_CACHES, the least recently written caches go (a build's run writes one once). */
function removeOldCaches(dir: string, extension: string): void {
  const caches = readdirSync(dir)
    .filter((name) => path.extname(name) === extension)
    .map((name) => ({ file: path.join(dir, name), time: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { file } of caches.slice(MAX_CACHES)) rmSync(file, { force: true });
}

/**
 * For the build: compiles a bundled file (a command beside the entry's chunks, or a library the
 * command loads on first use), caching per user until the process exits; the function returned
 * runs it and gives its exports.
 */
export function compileBundledScript(file: URL | string): () => Record<string, unknown> {
  const dir = defaultCacheDir(process.env);
  const cache = dir === null ? null : { dir, onExit: writeBeforeExit };
  const filePath = typeof file === "string" ? file : fileURLToPath(file);
  return compileCachedScript(filePath, cache) as () => Record<string, unknown>;
}

function writeBeforeExit(write: () => void): void {
  // The cache then holds what the run compiled too, not only the file's top level.
  process.once("beforeExit", write);
}
