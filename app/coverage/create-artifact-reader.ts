// Reads coverage artifacts in a process of their own, one at a time per App instance, so a large
// or hostile artifact never blocks the event loop (webhooks, /ping) and cannot take the App down:
// each artifact gets a fresh process with its own heap limit and a deadline, and whatever goes
// wrong in it comes back as a coverage error naming the reason (the coverage rule then fails).
// A process, not a worker thread: a worker that reaches its heap limit can abort the whole
// process (measured on Node 20 with a 256 MB limit), a child process only itself. The reader
// runs at a lower scheduling priority (nice +10), so on a busy machine the App's own process —
// webhooks, /ping — gets the CPU first.
import { fork } from "node:child_process";
import { getPriority, setPriority } from "node:os";
import { fileURLToPath } from "node:url";
import type { CoverageFacts } from "../../shared/core/types.js";
import type { ArtifactJob } from "./artifact-worker.js";

export interface ArtifactReader {
  (zip: Uint8Array, source: string): Promise<CoverageFacts>;
  /** The most an artifact may unpack to; a zip larger than this is not even downloaded. */
  readonly maxBytes: number;
}

export const DEFAULT_MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;

/** How much lower than the App the reader runs (added to its niceness). */
export const READER_NICENESS = 10;

export interface ArtifactReaderOptions {
  /** build/artifact-worker.mjs, the bundled app/coverage/artifact-worker.ts. */
  workerUrl: URL;
  /** The most an artifact may unpack to (default 32 MB). */
  maxBytes?: number;
  /** The reader's heap limit (default 1024 MB): past it, the artifact is reported, not parsed. */
  heapMb?: number;
  /** How long one artifact may take (default 120 s). */
  timeoutMs?: number;
}

export function createArtifactReader(options: ArtifactReaderOptions): ArtifactReader {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTIFACT_BYTES;
  const heapMb = options.heapMb ?? 1024;
  const timeoutMs = options.timeoutMs ?? 120_000;
  let queue: Promise<unknown> = Promise.resolve();
  const read = (zip: Uint8Array, source: string) => {
    const job: ArtifactJob = { zip, options: { source, maxBytes } };
    const run = () => readInProcess(options.workerUrl, job, heapMb, timeoutMs);
    const result = queue.then(run, run);
    queue = result;
    return result;
  };
  return Object.assign(read, { maxBytes });
}

function readInProcess(
  workerUrl: URL,
  job: ArtifactJob,
  heapMb: number,
  timeoutMs: number,
): Promise<CoverageFacts> {
  const failed = (message: string): CoverageFacts => ({
    reports: [],
    errors: [{ source: job.options.source, message }],
  });
  return new Promise((resolve) => {
    let settled = false;
    const child = fork(fileURLToPath(workerUrl), [], {
      execArgv: [`--max-old-space-size=${heapMb}`],
      // Typed arrays and Maps cross as they are (structured clone).
      serialization: "advanced",
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    lowerPriority(child.pid);
    const finish = (facts: CoverageFacts) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(facts);
      child.kill("SIGKILL");
    };
    const timer = setTimeout(
      () => finish(failed(`took longer than ${timeoutMs / 1000} s to read; it was stopped`)),
      timeoutMs,
    );
    child.once("message", (facts: CoverageFacts) => finish(facts));
    child.once("error", (error) => finish(failed(`cannot be read: ${error.message}`)));
    child.once("exit", (code, signal) =>
      finish(
        failed(
          signal === "SIGABRT" || code === 134
            ? `needs more than ${heapMb} MB of memory to read; upload smaller reports`
            : `cannot be read: the reader stopped (${signal ?? `exit code ${code}`})`,
        ),
      ),
    );
    child.send(job);
  });
}

function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return; // the fork failed; its "error" event says so
  try {
    setPriority(pid, Math.min(19, READER_NICENESS + getOwnPriority()));
  } catch {
    // The reader exited already, or the platform has no priorities: it runs as it is.
  }
}

function getOwnPriority(): number {
  try {
    return getPriority();
  } catch {
    return 0;
  }
}
