// Time limits on GitHub requests: a request that gets no answer (or an answer that never ends)
// stops at its timeout, the deadline stops everything in flight, and the retrying client retries
// a timed-out read but never waits past the deadline.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { getOctokit } from "@actions/github";
import { createRetryingClient } from "../../shared/github/create-retrying-client.js";
import {
  createTimeLimitedClient,
  isTimeLimitError,
  TimeLimitError,
} from "../../shared/github/create-time-limited-client.js";
import type { GitHubClient } from "../../shared/github/github-client.js";

/** Answers /ok at once, /hang never, /stall with headers and half a body; counts requests. */
let server: Server;
let url = "";
const hits: string[] = [];
const sockets = new Set<Socket>();
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url?.startsWith("/ok")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ok": true}');
    } else if (req.url?.startsWith("/stall")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"ok": ');
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => (hits.length = 0));

const octokit = () => getOctokit("ghs_x", { baseUrl: url });
const limited = (requestTimeoutMs: number, deadline?: AbortSignal) =>
  createTimeLimitedClient(octokit(), { requestTimeoutMs, ...(deadline ? { deadline } : {}) });
/** How a request ended (`error` undefined when it succeeded) and how long it took. */
const elapsed = async (work: Promise<unknown>): Promise<{ error: unknown; ms: number }> => {
  const started = performance.now();
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  return { error, ms: performance.now() - started };
};

describe("createTimeLimitedClient", () => {
  it("lets answers through", async () => {
    const response = await limited(1000).request("GET /ok");
    expect(response.data).toEqual({ ok: true });
  });

  it.each([
    ["no answer at all", "GET /hang"],
    ["an answer whose body never ends", "GET /stall"],
  ])("stops at the request timeout on %s, naming the route", async (_name, route) => {
    const { error, ms } = await elapsed(limited(300).request(route));
    expect(error).toBeInstanceOf(TimeLimitError);
    expect(error).toMatchObject({
      kind: "request",
      message: `GitHub did not answer ${route} within 0.3 s`,
    });
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(5000);
  });

  it("the deadline stops requests in flight with its reason and refuses new ones", async () => {
    const controller = new AbortController();
    const reason = new TimeLimitError("the run's time is up", "deadline");
    const client = limited(60_000, controller.signal);
    const pending = elapsed(client.request("GET /hang"));
    setTimeout(() => controller.abort(reason), 200);
    const { error, ms } = await pending;
    expect(error).toBe(reason);
    expect(ms).toBeLessThan(5000);
    hits.length = 0;
    await expect(client.request("GET /ok")).rejects.toBe(reason);
    expect(hits).toEqual([]);
  });

  it("keeps other errors as they are", async () => {
    const failing: GitHubClient = {
      request: async () => Promise.reject(Object.assign(new Error("Not Found"), { status: 404 })),
    };
    const client = createTimeLimitedClient(failing, { requestTimeoutMs: 1000 });
    await expect(client.request("GET /x")).rejects.toMatchObject({ status: 404 });
  });
});

describe("createRetryingClient with time limits", () => {
  it("retries a read that timed out, saying why", async () => {
    const reasons: string[] = [];
    const client = createRetryingClient(limited(200), {
      sleep: async () => {},
      onRetry: (info) => reasons.push(info.reason),
    });
    const { error } = await elapsed(client.request("GET /hang"));
    expect(isTimeLimitError(error, "request")).toBe(true);
    expect(reasons).toEqual(["no answer in time", "no answer in time", "no answer in time"]);
    expect(hits).toHaveLength(4);
  });

  it("never sends a timed-out write again", async () => {
    const client = createRetryingClient(limited(200), { sleep: async () => {} });
    await expect(client.request("POST /hang", { body: "x" })).rejects.toBeInstanceOf(
      TimeLimitError,
    );
    expect(hits).toEqual(["POST /hang"]);
  });

  it("stops waiting to retry when the deadline passes", async () => {
    const controller = new AbortController();
    const reason = new TimeLimitError("the run's time is up", "deadline");
    const client = createRetryingClient(limited(100, controller.signal), {
      signal: controller.signal,
      baseDelayMs: 60_000,
    });
    setTimeout(() => controller.abort(reason), 400);
    const { error, ms } = await elapsed(client.request("GET /hang"));
    expect(error).toBe(reason);
    // One attempt (0.1 s), then a 60 s wait cut short by the deadline at 0.4 s.
    expect(ms).toBeLessThan(5000);
    expect(hits).toHaveLength(1);
  });
});
