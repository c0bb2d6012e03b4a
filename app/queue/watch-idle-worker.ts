// Notices a queue worker that has stopped taking jobs. After a Redis outage, BullMQ's worker can
// stay idle for good while jobs wait (its blocking connection parked: taskforcesh/bullmq#4585,
// #2964, #3185), and /health cannot tell: every other connection answers. BullMQ's maintainers
// advise replacing such a worker. A healthy worker with a free slot takes a waiting job within
// milliseconds, so jobs waiting while this instance runs none, for `stuckMs` on end, is the sign.
export interface IdleWorkerWatch {
  /** Looks once: replaces the worker when it has been idle with jobs waiting for stuckMs. */
  check(): Promise<void>;
}

export interface IdleWorkerWatchOptions {
  stuckMs: number;
  /** Jobs this instance's worker is running now. */
  running: () => number;
  /** Jobs waiting in the queue (rejects while Redis is away: nothing to judge then). */
  waiting: () => Promise<number>;
  /** Starts a new worker in place of the idle one. */
  replace: (waiting: number) => Promise<void>;
  now?: () => number;
}

export function watchIdleWorker(options: IdleWorkerWatchOptions): IdleWorkerWatch {
  const now = options.now ?? Date.now;
  let idleSince: number | null = null;
  let checking = false;
  return {
    async check() {
      if (checking) return;
      checking = true;
      try {
        if (options.running() > 0) {
          idleSince = null;
          return;
        }
        const waiting = await options.waiting().catch(() => null);
        // Redis away (null), or a job started meanwhile: nothing says the worker is stuck.
        if (waiting === null || waiting === 0 || options.running() > 0) {
          idleSince = null;
          return;
        }
        idleSince ??= now();
        if (now() - idleSince < options.stuckMs) return;
        idleSince = null;
        await options.replace(waiting);
      } finally {
        checking = false;
      }
    },
  };
}
