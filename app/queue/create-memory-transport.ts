// The in-process transport (no REDIS_URL): a FIFO list worked by up to `concurrency` runners,
// retries with doubling waits. Nothing survives the process; jobs still running when the grace
// period ends are reported as handed back so their check runs can be completed.
import type { EvaluationJob } from "./evaluation-job.js";
import {
  DEFAULT_TUNING,
  type JobProcessor,
  type JobTransport,
  type TransportTuning,
} from "./job-queue.js";

interface Entry {
  id: string;
  job: EvaluationJob;
  attempt: number;
}

const BUSY_RETRY_MS = 50;

export function createMemoryTransport(tuning: Partial<TransportTuning> = {}): JobTransport {
  const { concurrency, attempts, backoffMs } = { ...DEFAULT_TUNING, ...tuning };
  const waiting: Entry[] = [];
  const delayed = new Map<Entry, ReturnType<typeof setTimeout>>();
  const active = new Map<Entry, Promise<void>>();
  const known = new Set<string>();
  let failed = 0;
  let processor: JobProcessor | undefined;
  let stopping = false;

  const later = (entry: Entry, ms: number) => {
    const timer = setTimeout(() => {
      delayed.delete(entry);
      waiting.push(entry);
      pump();
    }, ms);
    delayed.set(entry, timer);
  };

  const run = async (entry: Entry, work: JobProcessor) => {
    try {
      const result = await work(entry.job, { id: entry.id, attempt: entry.attempt });
      if (result === "busy") return later(entry, BUSY_RETRY_MS);
      known.delete(entry.id);
    } catch {
      if (entry.attempt + 1 >= attempts) {
        failed++;
        known.delete(entry.id);
        return;
      }
      later({ ...entry, attempt: entry.attempt + 1 }, backoffMs * 2 ** entry.attempt);
    }
  };

  const pump = () => {
    const work = processor;
    while (work && !stopping && active.size < concurrency && waiting.length > 0) {
      const entry = waiting.shift() as Entry;
      const running = run(entry, work).finally(() => {
        active.delete(entry);
        pump();
      });
      active.set(entry, running);
    }
  };

  return {
    backend: "memory",
    async add(id, job) {
      if (known.has(id)) return;
      known.add(id);
      waiting.push({ id, job, attempt: 0 });
      queueMicrotask(pump);
    },
    start(next) {
      processor = next;
      pump();
    },
    async stop(graceMs) {
      stopping = true;
      for (const timer of delayed.values()) clearTimeout(timer);
      const running = [...active];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const expired = new Promise<"expired">((resolve) => {
        timer = setTimeout(() => resolve("expired"), graceMs);
      });
      const finished = await Promise.race([Promise.all(running.map(([, p]) => p)), expired]);
      clearTimeout(timer);
      if (finished !== "expired") return { handedBack: [] };
      return { handedBack: [...active.keys()].map((entry) => entry.job) };
    },
    counts: async () => ({
      waiting: waiting.length,
      active: active.size,
      delayed: delayed.size,
      failed,
    }),
    async close() {
      stopping = true;
      for (const timer of delayed.values()) clearTimeout(timer);
    },
  };
}
