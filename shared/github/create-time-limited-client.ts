// Bounds how long GitHub may take: each request gets a timeout (from sending it to the last byte
// of the answer) and all requests share one deadline. A request that outlives either is aborted,
// which closes its socket, and throws a TimeLimitError naming the route and the limit. Without
// this, an API that accepts connections but never answers holds a run for hours.
import type { GitHubClient } from "./github-client.js";

export interface TimeLimits {
  /** How long one request may take, its answer's body included. */
  requestTimeoutMs: number;
  /** Aborted when the run's time is up: requests in flight stop and new ones are refused. */
  deadline?: AbortSignal;
}

export type TimeLimitKind = "request" | "deadline";

/** A request timed out, or the run's deadline passed. Has no HTTP status. */
export class TimeLimitError extends Error {
  constructor(
    message: string,
    readonly kind: TimeLimitKind,
  ) {
    super(message);
    this.name = "TimeLimitError";
  }
}

export function isTimeLimitError(error: unknown, kind?: TimeLimitKind): error is TimeLimitError {
  return error instanceof TimeLimitError && (kind === undefined || error.kind === kind);
}

export function createTimeLimitedClient(client: GitHubClient, limits: TimeLimits): GitHubClient {
  const deadlineError = () =>
    isTimeLimitError(limits.deadline?.reason)
      ? limits.deadline.reason
      : new TimeLimitError("the run's deadline passed", "deadline");
  return {
    async request(route, params = {}) {
      if (limits.deadline?.aborted) throw deadlineError();
      const timeout = AbortSignal.timeout(limits.requestTimeoutMs);
      const signal = limits.deadline ? AbortSignal.any([timeout, limits.deadline]) : timeout;
      const timedOut = () => {
        if (limits.deadline?.aborted) return deadlineError();
        const seconds = Math.round(limits.requestTimeoutMs / 100) / 10;
        return new TimeLimitError(`GitHub did not answer ${route} within ${seconds} s`, "request");
      };
      const request = { ...(params.request as Record<string, unknown> | undefined), signal };
      let response;
      try {
        response = await client.request(route, { ...params, request });
      } catch (error) {
        throw signal.aborted ? timedOut() : error;
      }
      // Octokit reads an answer's body leniently: an abort while reading it can leave an empty
      // body instead of an error.
      if (signal.aborted) throw timedOut();
      return response;
    },
  };
}
