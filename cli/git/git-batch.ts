// Runs the git calls a check makes together in one POSIX shell, so this process spawns once for
// several of them. A spawn from Node blocks its thread until the child has started (5–10 ms on
// the 2-core virtual machine the benchmark runs on), while the shell starts its gits on another
// core; the calls still run concurrently. A call that needs lines of others' output (a SHA from
// rev-parse) runs in the same shell as soon as those have exited 0 (output-line.ts).
// Nothing a user passes is part of the script: every argument, the working directory and the
// file names reach the shell as positional parameters, and output lines as shell variables
// expanded in double quotes, so no quoting is involved.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { partsOf, skippedCall, sourcesOf, waitForLines, type ArgWithLines } from "./output-line.js";

/** A shell every POSIX system has; elsewhere (Windows) each call spawns git itself. */
const SHELL = "/bin/sh";

/** An argument: text, or text and lines of another batched call's output. */
export type BatchedArg = ArgWithLines<BatchedOutput>;

export interface BatchedCall {
  args: readonly BatchedArg[];
  /** Written to git's stdin, else stdin is /dev/null. */
  input?: BatchedArg;
}

export interface BatchedOutput {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** How one shell run failed as a whole: it could not start, or it stopped early. */
export class BatchError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface GitBatch {
  /**
   * Queues the call. The queue runs at flush(), or once the microtasks queued before the call's
   * have run: calls started together, even a few promise steps apart, share a shell.
   */
  run(call: BatchedCall): Promise<BatchedOutput>;
  /** Runs what is queued now (for a caller about to keep this thread busy). */
  flush(): void;
}

interface Pending {
  call: BatchedCall;
  /** The queued calls whose output lines this one uses. */
  sources: Promise<BatchedOutput>[];
  resolve: (output: BatchedOutput) => void;
  reject: (error: Error) => void;
}

/**
 * A batch bound to a working directory and an environment, or null where there is no POSIX
 * shell (callers then spawn git for each call). Calls queued in the same turn share a shell.
 */
export function createGitBatch(
  cwd: string,
  env: NodeJS.ProcessEnv,
  /** Where the calls' files go (a folder per shell, removed after it). */
  tmpDir: string = tmpdir(),
): GitBatch | null {
  if (process.platform === "win32" || !existsSync(SHELL)) return null;
  // The calls queued for the next shell, by the promise run() gave for each.
  let queue = new Map<Promise<BatchedOutput>, Pending>();
  const flush = () => {
    if (queue.size === 0) return;
    const pending = queue;
    queue = new Map();
    runInShell(pending, cwd, env, tmpDir);
  };
  const run = (call: BatchedCall): Promise<BatchedOutput> => {
    const sources = sourcesOf(call.args, call.input);
    // The shell fills in lines of calls it runs too; any other's are filled in here, after.
    if (!sources.every((source) => queue.has(source))) {
      return waitForLines(call.args, call.input).then(({ args, input }) => run({ args, input }));
    }
    let pending!: Pending;
    const promise = new Promise<BatchedOutput>((resolve, reject) => {
      pending = { call, sources, resolve, reject };
    });
    if (queue.size === 0) queueMicrotask(flush);
    queue.set(promise, pending);
    return promise;
  };
  return { flush, run };
}

/**
 * One shell for the calls: each git runs in the background with its stdin, stdout and stderr in
 * files of a private temporary folder, and writes its exit code beside them; the shell waits for
 * all. The files are read once the shell has exited, then the folder is removed.
 */
function runInShell(
  queued: Map<Promise<BatchedOutput>, Pending>,
  cwd: string,
  env: NodeJS.ProcessEnv,
  tmpDir: string,
): void {
  const pending = [...queued.values()];
  const indexOf = new Map([...queued.keys()].map((promise, i) => [promise, i]));
  const sources = pending.map((call) => call.sources.map((source) => indexOf.get(source)!));
  let prepared: { folder: string; script: string; params: string[] };
  try {
    prepared = prepareScript(
      pending.map(({ call }) => call),
      sources,
      (source) => indexOf.get(source)!,
      tmpDir,
    );
  } catch (error) {
    // A full or read-only temporary folder: every call fails with the reason, nothing throws.
    const reason = new BatchError((error as Error).message, undefined);
    for (const { reject } of pending) reject(reason);
    return;
  }
  const { folder, script, params } = prepared;
  const finish = (error: BatchError | null) => {
    try {
      const codes: (number | null)[] = [];
      pending.forEach(({ resolve, reject }, i) => {
        codes.push(null);
        if (error) return reject(error);
        const read = (name: string) => readFileSync(path.join(folder, `${i}.${name}`));
        // Sources come first in the queue: a call that needs one is later.
        if (sources[i]!.some((source) => codes[source] !== 0)) return reject(skippedCall());
        try {
          codes[i] = Number(read("code").toString("utf8").trim());
        } catch {
          return reject(new BatchError("the shell stopped before git finished", undefined));
        }
        resolve({ stdout: read("out"), stderr: read("err").toString("utf8"), code: codes[i]! });
      });
    } catch (readError) {
      const message = `could not read git's output: ${(readError as Error).message}`;
      for (const { reject } of pending) reject(new BatchError(message, undefined));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  let shell: ReturnType<typeof spawn>;
  try {
    shell = spawn(SHELL, ["-c", script, "shipgate-git", folder, ...params], {
      cwd,
      env,
      stdio: "ignore",
      windowsHide: true,
    });
  } catch (error) {
    // Node throws some failures at once (E2BIG: arguments past the system's limit); this runs
    // in a microtask, where a throw would end the process.
    const { message, code } = error as NodeJS.ErrnoException;
    finish(new BatchError(message, code));
    return;
  }
  let settled = false;
  shell.once("error", (error: NodeJS.ErrnoException) => {
    if (settled) return;
    settled = true;
    finish(new BatchError(error.message, error.code));
  });
  shell.once("close", (code, signal) => {
    if (settled) return;
    settled = true;
    finish(
      code === 0
        ? null
        : new BatchError(
            `the shell running git stopped (${signal ?? `exit code ${code}`})`,
            undefined,
          ),
    );
  });
}

/**
 * The folder with the calls' inputs, and the script that runs them: $1 is the folder. Each git
 * runs in the background straight from the shell (no subshell: a fork costs milliseconds on a
 * virtual machine); the shell then waits for each in turn and writes its exit code. A call that
 * uses lines of others' output starts once the shell has waited for the last of them and all
 * exited 0, with the lines read into variables; its input, if it has lines too, is written by
 * the shell.
 */
function prepareScript(
  calls: BatchedCall[],
  sources: number[][],
  indexOf: (call: Promise<BatchedOutput>) => number,
  tmpDir: string,
): { folder: string; script: string; params: string[] } {
  const folder = mkdtempSync(path.join(tmpDir, "shipgate-git-"));
  try {
    const params: string[] = [];
    // $1 is the folder: parameters start at $2. Line n of call i's output is $o<i>_<n>.
    const word = (arg: BatchedArg) =>
      partsOf(arg)
        .map((part) => {
          if (typeof part !== "string") return `"$o${indexOf(part.from)}_${part.line}"`;
          params.push(part);
          return `"\${${params.length + 1}}"`;
        })
        .join("");
    const io = (i: number, name: string) => `"$1/${i}.${name}"`;
    const start = (i: number) => {
      const call = calls[i]!;
      let prelude = "";
      let stdin = "/dev/null";
      if (call.input !== undefined) {
        stdin = io(i, "in");
        if (typeof call.input === "string") {
          writeFileSync(path.join(folder, `${i}.in`), call.input, { mode: 0o600 });
        } else {
          prelude = `printf '%s' ${word(call.input)} >${stdin}; `;
        }
      }
      const args = call.args.map(word).join(" ");
      return `${prelude}git ${args} <${stdin} >${io(i, "out")} 2>${io(i, "err")} & p${i}=$!`;
    };
    // Waits for call i and writes its exit code (as $s<i>); a call that never started is skipped.
    const finish = (i: number) => {
      const waited = `wait $p${i}; s${i}=$?; echo $s${i} >${io(i, "code")}`;
      return sources[i]!.length === 0 ? waited : `if [ -n "$p${i}" ]; then ${waited}; fi`;
    };
    const isSource = (i: number) => sources.some((of) => of.includes(i));
    const lines = calls.flatMap((_, i) => (sources[i]!.length === 0 ? [start(i)] : []));
    for (let i = 0; i < calls.length; i++) {
      if (!isSource(i)) continue;
      const needed = Math.max(...calls.flatMap((call) => linesUsed(call, i, indexOf)));
      const reads = Array.from({ length: needed + 1 }, (_, n) => `IFS= read -r o${i}_${n}`);
      lines.push(
        finish(i),
        `if [ "$s${i}" = 0 ]; then { ${reads.join("; ")}; } <${io(i, "out")}; fi`,
      );
      // The calls whose last source this is start now, if all their sources exited 0.
      for (let k = i + 1; k < calls.length; k++) {
        if (sources[k]!.length === 0 || Math.max(...sources[k]!) !== i) continue;
        const ok = sources[k]!.map((source) => `[ "$s${source}" = 0 ]`).join(" && ");
        lines.push(`if ${ok}; then ${start(k)}; fi`);
      }
    }
    for (let i = 0; i < calls.length; i++) if (!isSource(i)) lines.push(finish(i));
    return { folder, script: `${lines.join("\n")}\n`, params };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The lines of call `source`'s output that `call`'s arguments and input use. */
function linesUsed(
  call: BatchedCall,
  source: number,
  indexOf: (call: Promise<BatchedOutput>) => number,
): number[] {
  const args = call.input === undefined ? call.args : [...call.args, call.input];
  return args.flatMap((arg) =>
    partsOf(arg).flatMap((part) =>
      typeof part !== "string" && indexOf(part.from) === source ? [part.line] : [],
    ),
  );
}
