// Wraps a client so rate limits and transient 5xx are retried, bounded in count and in wait.
// A POST (or an update that appends, like check-run annotations) that failed with 5xx is never
// re-sent: the caller re-reads state instead (see upsert). Once `signal` is aborted (the run's
// deadline), nothing is retried and a wait in progress ends at once.
import type { GitHubClient } from "./github-client.js";
import { retryDelay } from "./retry-delay.js";

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** A wait longer than this is not worth it: the error is thrown instead (default 60 s). */
  maxWaitMs?: number;
  /** First 5xx backoff, doubled on each retry (default 1 s). */
  baseDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  onRetry?: (info: { route: string; attempt: number; delayMs: number; reason: string }) => void;
  /** When aborted, the error in hand (or the signal's reason, during a wait) is thrown. */
  signal?: AbortSignal;
}

const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", done);
      resolve();
    }, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

export function createRetryingClient(
  client: GitHubClient,
  options: RetryOptions = {},
): GitHubClient {
  const maxRetries = options.maxRetries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  return {
    async request(route, params) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await client.request(route, params);
        } catch (error) {
          if (attempt >= maxRetries || options.signal?.aborted) throw error;
          const named = /^([A-Z]+) /.exec(route)?.[1] ?? String(params?.method ?? "GET");
          // GitHub appends a check-run update's annotations: sending one again duplicates them,
          // so such an update is retried only like a create (never after a 5xx).
          const appends = /check-runs/.test(route) && hasAnnotations(params);
          const method = appends ? "POST" : named;
          const decision = retryDelay(error, { method, attempt, baseDelayMs, nowMs: now() });
          if (!decision.retry || decision.delayMs > maxWaitMs) throw error;
          options.onRetry?.({ route, attempt: attempt + 1, ...decision });
          await sleep(decision.delayMs, options.signal);
        }
      }
    },
  };
}

function hasAnnotations(params: Record<string, unknown> | undefined): boolean {
  const output = params?.output as { annotations?: unknown[] } | undefined;
  return (output?.annotations?.length ?? 0) > 0;
}
