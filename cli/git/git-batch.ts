// Runs the git calls a check makes together in one POSIX shell, so this process spawns once for
// several of them. A spawn from Node blocks its thread until the child has started (5–10 ms on a
// virtual machine, most of it copying this process's memory map), while the shell is small and
// starts its gits on another core; the calls still run concurrently. Nothing a user passes is
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
export function createGitBatch(cwd: string, env: NodeJS.ProcessEnv): GitBatch | null {
  if (process.platform === "win32" || !existsSync(SHELL)) return null;
  let queue: Pending[] = [];
  const flush = () => {
    if (queue.length === 0) return;
    const pending = queue;
    queue = [];
    runInShell(pending, cwd, env);
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
function runInShell(pending: Pending[], cwd: string, env: NodeJS.ProcessEnv): void {
  const dir = mkdtempSync(path.join(tmpdir(), "shipgate-git-"));
  const params: string[] = [dir];
  const lines = pending.map(({ call }, i) => {
    const first = params.length + 1;
    params.push(...call.args);
    const args = call.args.map((_, k) => `"\${${first + k}}"`).join(" ");
    let stdin = "/dev/null";
    if (call.input !== undefined) {
      writeFileSync(path.join(dir, `${i}.in`), call.input, { mode: 0o600 });
      stdin = `"$1/${i}.in"`;
    }
    return `{ git ${args} <${stdin} >"$1/${i}.out" 2>"$1/${i}.err"; echo $? >"$1/${i}.code"; } &`;
  });
  const script = `${lines.join("\n")}\nwait\n`;
  const finish = (error: BatchError | null) => {
    try {
      pending.forEach(({ resolve, reject }, i) => {
        if (error) return reject(error);
        const read = (name: string) => readFileSync(path.join(dir, `${i}.${name}`));
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
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const shell = spawn(SHELL, ["-c", script, "shipgate-git", ...params], {
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
