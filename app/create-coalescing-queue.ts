// The per-PR queue, able to skip an evaluation a newer push made stale: under a burst of pushes
// only heads that are still current get evaluated, and skipped ones cost no write at all.
import { createKeyedQueue, type KeyedQueue } from "./create-keyed-queue.js";

export interface CoalescingQueue extends KeyedQueue {
  /**
   * Runs `task` for head `sha` in the PR's turn, unless a later event for the PR is queued by then
   * and either carries the same head (it will evaluate it, with a fresher payload) or `isCurrent`
   * says `sha` is no longer the head. The last event queued always runs, so the current head is
   * evaluated even when deliveries arrive out of order. Resolves to undefined when skipped.
   */
  runLatest<T>(
    key: string,
    sha: string,
    isCurrent: () => Promise<boolean>,
    task: () => Promise<T>,
  ): Promise<T | undefined>;
}

export function createCoalescingQueue(queue: KeyedQueue = createKeyedQueue()): CoalescingQueue {
  const waiting = new Map<string, { sha: string }[]>();
  return {
    run: (key, task) => queue.run(key, task),
    size: () => queue.size(),
    runLatest(key, sha, isCurrent, task) {
      const arrival = { sha };
      const arrivals = waiting.get(key) ?? [];
      arrivals.push(arrival);
      waiting.set(key, arrivals);
      return queue.run(key, async () => {
        try {
          const later = arrivals.slice(arrivals.indexOf(arrival) + 1);
          if (later.length === 0) return await task();
          if (later.some((next) => next.sha === sha)) return undefined;
          // When the head cannot be read, evaluate: its own guard and error handling decide.
          return (await isCurrent().catch(() => true)) ? await task() : undefined;
        } finally {
          arrivals.splice(arrivals.indexOf(arrival), 1);
          if (arrivals.length === 0 && waiting.get(key) === arrivals) waiting.delete(key);
        }
      });
    },
  };
}
