// limitWebhookBody with small limits, on a real node:http server: what reaches the middleware
// behind it, and what is refused before it.
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { limitWebhookBody } from "../../../app/limit-webhook-body.js";

let server: Server;
let url: string;
const seen: string[] = [];

beforeAll(async () => {
  const middleware = limitWebhookBody(
    async (req: IncomingMessage, res) => {
      seen.push((req as IncomingMessage & { body?: string }).body ?? "(no body)");
      res.writeHead(200).end("ok");
      return true;
    },
    { maxBytes: 1000, budgetBytes: 1500 },
  );
  server = createServer((req, res) => void middleware(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => void (seen.length = 0));

/** Sends `parts` one by one, `gapMs` apart; resolves with the status (or null if cut off). */
function post(parts: string[], gapMs = 0, headers: Record<string, string> = {}) {
  return new Promise<number | null>((resolve) => {
    const req = request(url, { method: "POST", headers, agent: false });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
      req.destroy();
    });
    req.on("error", () => resolve(null));
    void (async () => {
      for (const part of parts) {
        if (req.destroyed) return;
        req.write(part);
        await new Promise((r) => setTimeout(r, gapMs));
      }
      if (!req.destroyed) req.end();
    })();
  });
}

describe("limitWebhookBody", () => {
  it("hands a body under the cap on as a string, whole, decoded as UTF-8", async () => {
    expect(await post(['{"a":', '"é"}'], 5)).toBe(200);
    expect(seen).toEqual(['{"a":"é"}']);
  });

  it("refuses a declared Content-Length over the cap without reading the body", async () => {
    expect(await post(["x".repeat(10)], 0, { "content-length": "1001" })).toBe(413);
    expect(seen).toEqual([]);
  });

  it("refuses a chunked body once it passes the cap", async () => {
    expect(
      await post(
        Array.from({ length: 20 }, () => "x".repeat(100)),
        2,
      ),
    ).toBe(413);
    expect(seen).toEqual([]);
  });

  it("answers 503 when bodies read at once pass the shared budget, and recovers after", async () => {
    const slow = Array.from({ length: 9 }, () => "x".repeat(100));
    const statuses = await Promise.all([post(slow, 20), post(slow, 20)]);
    expect(statuses.sort()).toEqual([200, 503]);
    expect(await post(["{}"])).toBe(200);
  });
});
