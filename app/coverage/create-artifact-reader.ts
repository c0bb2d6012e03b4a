// Reads coverage artifacts in a worker thread, one at a time per App instance, so a large or
// hostile artifact never blocks the event loop (webhooks, /ping) and cannot take the process down:
// each artifact gets a fresh worker with its own heap limit and a deadline, and whatever goes
// wrong in it comes back as a coverage error naming the reason (the coverage rule then fails).
import { Worker } from "node:worker_threads";
import type { CoverageFacts } from "../../shared/core/types.js";
import type { ArtifactJob } from "./artifact-worker.js";

export type ArtifactReader = (zip: Uint8Array, source: string) => Promise<CoverageFacts>;

export const DEFAULT_MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;

export interface ArtifactReaderOptions {
  /** build/artifact-worker.mjs, the bundled app/coverage/artifact-worker.ts. */
  workerUrl: URL;
  /** The most an artifact may unpack to (default 32 MB). */
  maxBytes?: number;
  /** The worker's heap limit (default 1024 MB): past it, the artifact is reported, not parsed. */
  heapMb?: number;
  /** How long one artifact may take (default 120 s). */
  timeoutMs?: number;
}

export function createArtifactReader(options: ArtifactReaderOptions): ArtifactReader {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTIFACT_BYTES;
  const heapMb = options.heapMb ?? 1024;
  const timeoutMs = options.timeoutMs ?? 120_000;
  let queue: Promise<unknown> = Promise.resolve();
  return (zip, source) => {
    const job: ArtifactJob = { zip, options: { source, maxBytes } };
    const run = () => readInWorker(options.workerUrl, job, heapMb, timeoutMs);
    const result = queue.then(run, run);
    queue = result;
    return result;
  };
}

function readInWorker(
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
    const worker = new Worker(workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      stdout: false,
      stderr: false,
    });
    const finish = (facts: CoverageFacts) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(facts);
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(failed(`took longer than ${timeoutMs / 1000} s to read; it was stopped`)),
      timeoutMs,
    );
    worker.once("message", (facts: CoverageFacts) => finish(facts));
    worker.once("error", (error: Error & { code?: string }) =>
      finish(
        failed(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `needs more than ${heapMb} MB of memory to read; upload smaller reports`
            : `cannot be read: ${error.message}`,
        ),
      ),
    );
    worker.once("exit", (code) => finish(failed(`cannot be read: the reader stopped (${code})`)));
    // A copy: the caller's buffer stays usable (a retried evaluation may read it again).
    worker.postMessage(job);
  });
}
