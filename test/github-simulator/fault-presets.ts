// Ready-made faults with the exact status, headers and messages GitHub sends, for sim.fail().
import type { FaultSpec } from "./create-faults.js";

type Where = Pick<FaultSpec, "method" | "path" | "times" | "afterWrite">;

/** 403 secondary rate limit with retry-after, as GitHub answers bursts of writes. */
export function secondaryRateLimit(where: Where = {}, retryAfterSeconds = 1): FaultSpec {
  return {
    ...where,
    status: 403,
    headers: { "retry-after": String(retryAfterSeconds) },
    body: {
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
      documentation_url:
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
      status: "403",
    },
  };
}

/** 429 primary rate limit exhaustion: x-ratelimit-remaining 0 and a reset time (epoch seconds). */
export function primaryRateLimit(where: Where = {}, resetInSeconds = 1): FaultSpec {
  const reset = Math.floor(Date.now() / 1000) + resetInSeconds;
  return {
    ...where,
    status: 429,
    headers: {
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-used": "5000",
      "x-ratelimit-reset": String(reset),
      "x-ratelimit-resource": "core",
    },
    body: {
      message:
        "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.",
      documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
      status: "429",
    },
  };
}

/** A 5xx from GitHub's edge (500, 502, 503, 504). */
export function serverError(status: 500 | 502 | 503 | 504, where: Where = {}): FaultSpec {
  return { ...where, status };
}
