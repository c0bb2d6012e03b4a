// Runs the git calls a check makes together in one POSIX shell, so this process spawns once for
// several of them. A spawn from Node blocks its thread until the child has started (5–10 ms on
// the 2-core virtual machine the benchmark runs on), while the shell starts its gits on another
// core; the calls still run concurrently. Nothing a user passes is
// part of the script: every argument, the working directory and the file names reach the shell
// as positional parameters, so no quoting is involved.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A shell every POSIX system has; elsewhere (Windows) each call spawns git itself. */
const SHELL = "/bin/sh";

export interface BatchedCall {
  args: string[];
  /** Written to git's stdin, else stdin is /dev/null. */
  input?: string;
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
  let queue: Pending[] = [];
  const flush = () => {
    if (queue.length === 0) return;
    const pending = queue;
    queue = [];
    runInShell(pending, cwd, env, tmpDir);
  };
  return {
    flush,
    run(call) {
      return new Promise((resolve, reject) => {
        if (queue.length === 0) queueMicrotask(flush);
        queue.push({ call, resolve, reject });
      });
    },
  };
}

/**
 * One shell for the calls: each git runs in the background with its stdin, stdout and stderr in
 * files of a private temporary folder, and writes its exit code beside them; the shell waits for
 * all. The files are read once the shell has exited, then the folder is removed.
 */
function runInShell(pending: Pending[], cwd: string, env: NodeJS.ProcessEnv, tmpDir: string): void {
  let prepared: { folder: string; script: string; params: string[] };
  try {
    prepared = prepareScript(
      pending.map(({ call }) => call),
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
      pending.forEach(({ resolve, reject }, i) => {
        if (error) return reject(error);
        const read = (name: string) => readFileSync(path.join(folder, `${i}.${name}`));
        let code: number;
        try {
          code = Number(read("code").toString("utf8").trim());
        } catch {
          return reject(new BatchError("the shell stopped before git finished", undefined));
        }
        resolve({ stdout: read("out"), stderr: read("err").toString("utf8"), code });
      });
    } catch (readError) {
      const message = `could not read git's output: ${(readError as Error).message}`;
      for (const { reject } of pending) reject(new BatchError(message, undefined));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  const shell = spawn(SHELL, ["-c", script, "shipgate-git", folder, ...params], {
    cwd,
    env,
    stdio: "ignore",
    windowsHide: true,
  });
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

/** The folder with the calls' inputs, and the script that runs them: $1 is the folder. */
function prepareScript(
  calls: BatchedCall[],
  tmpDir: string,
): { folder: string; script: string; params: string[] } {
  const folder = mkdtempSync(path.join(tmpDir, "shipgate-git-"));
  try {
    const params: string[] = [];
    const lines = calls.map((call, i) => {
      // $1 is the folder: the call's arguments start at $2.
      const first = params.length + 2;
      params.push(...call.args);
      const args = call.args.map((_, k) => `"\${${first + k}}"`).join(" ");
      let stdin = "/dev/null";
      if (call.input !== undefined) {
        writeFileSync(path.join(folder, `${i}.in`), call.input, { mode: 0o600 });
        stdin = `"$1/${i}.in"`;
      }
      return `{ git ${args} <${stdin} >"$1/${i}.out" 2>"$1/${i}.err"; echo $? >"$1/${i}.code"; } &`;
    });
    return { folder, script: `${lines.join("\n")}\nwait\n`, params };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
