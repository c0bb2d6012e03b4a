// What the Action's attack tests share: a hostile API on loopback that forwards to the GitHub API
// simulator except where a test arms a misbehaviour (accept and never answer, send headers and
// stall the body, answer 200 with HTML or broken JSON), and checks on what the run printed.
// SHIPGATE_ACTION_ENTRY runs another bundle (e.g. one built from an older commit, to measure it).
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { DIST, type ActionRun } from "../action/run-bundled-action.js";
import type { Shop } from "../action/shop-scenario.js";

export const ACTION_ENTRY = process.env.SHIPGATE_ACTION_ENTRY || DIST;

export type Misbehaviour =
  /** Accept the request and never send a byte back. */
  | { kind: "hang" }
  /** Send 200 and the headers, then nothing more. */
  | { kind: "stall-body" }
  | { kind: "answer"; status: number; contentType: string; body: string };

export interface Rule {
  method?: string;
  /** Tested on the request path (without the query). */
  path: RegExp;
  /** Let this many matching requests through first. */
  after?: number;
  does: Misbehaviour;
}

export interface HostileApi {
  url: string;
  graphqlUrl: string;
  /** Requests seen, as "METHOD /path". */
  seen: string[];
  close(): Promise<void>;
}

/** A front for `upstream` (the simulator's URL) that misbehaves where `rules` say. */
export async function startHostileApi(upstream: string, rules: Rule[]): Promise<HostileApi> {
  const seen: string[] = [];
  const passed = new Map<Rule, number>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    seen.push(`${req.method} ${path}`);
    const rule = rules.find((r) => (!r.method || r.method === req.method) && r.path.test(path));
    if (rule && (passed.get(rule) ?? 0) >= (rule.after ?? 0)) return misbehave(rule.does, req, res);
    if (rule) passed.set(rule, (passed.get(rule) ?? 0) + 1);
    forward(upstream, req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    seen,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function misbehave(does: Misbehaviour, req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  switch (does.kind) {
    case "hang":
      return;
    case "stall-body":
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.write('[{"filename":');
      return;
    case "answer":
      res.writeHead(does.status, { "content-type": does.contentType });
      res.end(does.body);
  }
}

function forward(upstream: string, req: IncomingMessage, res: ServerResponse): void {
  const target = new URL(req.url ?? "/", upstream);
  const headers = { ...req.headers, host: target.host };
  const out = request(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  out.on("error", () => res.destroy());
  req.pipe(out);
}

export const HTML_PAGE =
  "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Proxy authentication required</body></html>";

export const html = (status = 200): Misbehaviour => ({
  kind: "answer",
  status,
  contentType: "text/html; charset=utf-8",
  body: HTML_PAGE,
});

export const json = (body: string, status = 200): Misbehaviour => ({
  kind: "answer",
  status,
  contentType: "application/json; charset=utf-8",
  body,
});

/** Runs the shop's pull request through the hostile API. */
export function runThrough(
  shop: Shop,
  api: HostileApi,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  return shop.run({ apiUrl: api.url, graphqlUrl: api.graphqlUrl, inputs, entry: ACTION_ENTRY });
}

/** The run's error lines without a file (annotations on lines are left out). */
export function errorLines(run: ActionRun): string[] {
  return run.stdout.split("\n").filter((line) => line.startsWith("::error::"));
}

/** No stack trace, no TypeError text, in anything the run printed. */
export function expectNoCrash(run: ActionRun): void {
  const printed = `${run.stdout}\n${run.stderr}`;
  expect(printed).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(printed).not.toMatch(/Cannot read properties|is not a function|is not iterable/);
  expect(run.stderr).toBe("");
}
