// Decides whether a failed request may be sent again and after how long: rate limits wait as
// GitHub says (retry-after, x-ratelimit-reset); 5xx back off, but only for idempotent methods.
import { isTimeLimitError } from "./create-time-limited-client.js";
import { headerOf, messageOf, statusOf } from "./github-client.js";

export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false };

/** Methods whose repetition cannot duplicate a write. POST (create) is not one of them. */
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "PATCH", "DELETE"]);
const SERVER_ERRORS = new Set([500, 502, 503, 504]);
/** GitHub asks for at least a minute when a secondary limit names no time. */
const SECONDARY_DEFAULT_MS = 60_000;

export interface RetryContext {
  method: string;
  /** 0 for the first retry. */
  attempt: number;
  baseDelayMs: number;
  nowMs: number;
}

export function retryDelay(error: unknown, context: RetryContext): RetryDecision {
  const status = statusOf(error);
  const retryAfter = seconds(headerOf(error, "retry-after"));
  if (status === 403 || status === 429) {
    // A rate-limited request was refused, not performed, so even a POST may be sent again.
    if (retryAfter !== undefined) {
      return { retry: true, delayMs: retryAfter * 1000, reason: "secondary rate limit" };
    }
    if (headerOf(error, "x-ratelimit-remaining") === "0") {
      const reset = seconds(headerOf(error, "x-ratelimit-reset"));
      const delayMs = reset === undefined ? SECONDARY_DEFAULT_MS : reset * 1000 - context.nowMs;
      return { retry: true, delayMs: Math.max(0, delayMs), reason: "rate limit" };
    }
    if (status === 429 || /secondary rate limit/i.test(messageOf(error))) {
      return { retry: true, delayMs: SECONDARY_DEFAULT_MS, reason: "secondary rate limit" };
    }
    return { retry: false };
  }
  const serverError = status === undefined || SERVER_ERRORS.has(status);
  if (serverError && IDEMPOTENT.has(context.method.toUpperCase())) {
    const backoff = context.baseDelayMs * 2 ** context.attempt;
    const delayMs = retryAfter === undefined ? backoff : retryAfter * 1000;
    return {
      retry: true,
      delayMs,
      reason:
        status !== undefined
          ? `HTTP ${status}`
          : isTimeLimitError(error)
            ? "no answer in time"
            : "network error",
    };
  }
  return { retry: false };
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
