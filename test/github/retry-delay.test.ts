// When a failed request may be sent again, and after how long.
import { retryDelay } from "../../shared/github/retry-delay.js";

const NOW = 1_700_000_000_000;
const failure = (
  status: number | undefined,
  headers: Record<string, string> = {},
  message = "",
) => ({
  status,
  response: { headers, data: { message } },
});
const decide = (error: unknown, method = "GET", attempt = 0) =>
  retryDelay(error, { method, attempt, baseDelayMs: 1000, nowMs: NOW });

describe("retryDelay", () => {
  it.each([
    ["403 with retry-after", failure(403, { "retry-after": "7" }), "POST", 7000],
    ["429 with retry-after", failure(429, { "retry-after": "2" }), "GET", 2000],
    [
      "403 primary limit, waits until x-ratelimit-reset",
      failure(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW / 1000 + 30) }),
      "POST",
      30_000,
    ],
    ["429 without headers waits a minute", failure(429), "GET", 60_000],
    [
      "403 secondary limit by message",
      failure(403, {}, "You have exceeded a secondary rate limit."),
      "GET",
      60_000,
    ],
    ["502 on GET backs off", failure(502), "GET", 1000],
    ["503 on PATCH backs off", failure(503), "PATCH", 1000],
    ["500 on DELETE backs off", failure(500), "DELETE", 1000],
    ["a network error on GET backs off", new Error("fetch failed"), "GET", 1000],
  ])("retries %s", (_name, error, method, delayMs) => {
    expect(decide(error, method)).toEqual({ retry: true, delayMs, reason: expect.any(String) });
  });

  it.each([
    ["502 on POST: it may have been written", failure(502), "POST"],
    ["a network error on POST", new Error("socket hang up"), "POST"],
    [
      "403 without a rate limit (no permission)",
      failure(403, { "x-ratelimit-remaining": "4999" }),
      "POST",
    ],
    ["404", failure(404), "GET"],
    ["422", failure(422), "POST"],
    ["401", failure(401), "GET"],
  ])("does not retry %s", (_name, error, method) => {
    expect(decide(error, method)).toEqual({ retry: false });
  });

  it("doubles the backoff with each attempt", () => {
    expect([0, 1, 2].map((attempt) => decide(failure(502), "GET", attempt))).toEqual([
      expect.objectContaining({ delayMs: 1000 }),
      expect.objectContaining({ delayMs: 2000 }),
      expect.objectContaining({ delayMs: 4000 }),
    ]);
  });

  it("never waits a negative time for a reset already past", () => {
    const past = failure(403, {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(NOW / 1000 - 5),
    });
    expect(decide(past)).toMatchObject({ delayMs: 0 });
  });
});
