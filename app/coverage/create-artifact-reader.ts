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
import type { Judgement } from "../render-judgement.js";
import type { EvaluationJob, ReaderJob } from "./artifact-worker.js";

export interface ArtifactReader {
  (zip: Uint8Array, source: string): Promise<CoverageFacts>;
  /** The most an artifact may unpack to; a zip larger than this is not even downloaded. */
  readonly maxBytes: number;
  /**
   * Evaluates a pull request in the reader's process, with the artifact's reports when there is
   * one, and renders what the App writes about the verdict there: only that comes back. When that
   * process fails (memory, deadline), the pull request is evaluated again in a fresh one with the
   * reason as the coverage error.
   */
  evaluate(job: EvaluationRequestJob): Promise<Judgement>;
}

/** An evaluation to run in the reader's process; the artifact is read there. */
export interface EvaluationRequestJob extends Omit<EvaluationJob, "kind" | "artifact"> {
  artifact: { zip: Uint8Array; source: string } | null;
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
  /** One job at a time per App instance, each in a fresh process. */
  const inTurn = <T>(job: ReaderJob, source: string) => {
    const run = () => runInProcess<T>(options.workerUrl, job, heapMb, timeoutMs, source);
    const result = queue.then(run, run);
    queue = result;
    return result;
  };
  const read = async (zip: Uint8Array, source: string) => {
    const outcome = await inTurn<CoverageFacts>(
      { kind: "read", zip, options: { source, maxBytes } },
      source,
    );
    return outcome.ok ? outcome.value : outcome.failed;
  };
  const evaluate = async (job: EvaluationRequestJob): Promise<Judgement> => {
    const { artifact, ...rest } = job;
    const source = artifact?.source ?? "the evaluation";
    const first = await inTurn<Judgement>(
      {
        kind: "evaluate",
        ...rest,
        artifact: artifact && { zip: artifact.zip, options: { source, maxBytes } },
      },
      source,
    );
    if (first.ok) return first.value;
    if (artifact === null) throw new Error(`the evaluation ${first.reason}`);
    // The artifact was too much for the process: judge again with that as the coverage error.
    const second = await inTurn<Judgement>(
      {
        kind: "evaluate",
        ...rest,
        facts: { ...rest.facts, coverage: first.failed },
        artifact: null,
      },
      source,
    );
    if (second.ok) return second.value;
    throw new Error(`the evaluation ${second.reason}`);
  };
  return Object.assign(read, { maxBytes, evaluate });
}

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string; failed: CoverageFacts };

function runInProcess<T>(
  workerUrl: URL,
  job: ReaderJob,
  heapMb: number,
  timeoutMs: number,
  source: string,
): Promise<Outcome<T>> {
  const failed = (reason: string): Outcome<T> => ({
    ok: false,
    reason,
    failed: { reports: [], errors: [{ source, message: reason }] },
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
    const finish = (outcome: Outcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      child.kill("SIGKILL");
    };
    const timer = setTimeout(
      () => finish(failed(`took longer than ${timeoutMs / 1000} s to read; it was stopped`)),
      timeoutMs,
    );
    child.once("message", (value: T) => finish({ ok: true, value }));
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
