// Starts the GitHub REST API simulator: a node:http server on 127.0.0.1 (random port) that
// handles requests one at a time in arrival order, against in-memory state.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createAuth, type AppConfig, type TokenPermission } from "./create-auth.js";
import { createFaults, type FaultHandle, type FaultSpec } from "./create-faults.js";
import { createState, type SimState } from "./create-state.js";
import { handleRequest, type Services } from "./handle-request.js";
import { compileTemplate } from "./openapi/match-template.js";
import { specLoadMs } from "./openapi/load-spec.js";
import { schemaCompiler } from "./openapi/schema-compiler.js";
import { allRoutes } from "./routes/all-routes.js";
import type { Identity } from "./types.js";
import { writeResponse } from "./write-response.js";

export interface SimulatorOptions {
  /** Check requests and responses against GitHub's OpenAPI description (default true). */
  validate?: boolean;
  /** Identity for unknown or missing tokens (default github-actions[bot], a Bot). */
  defaultIdentity?: Identity;
  /** Identity per token, e.g. { ghs_app: { login: "shipgate[bot]", type: "Bot" } }. */
  tokens?: Record<string, Identity>;
  /** A GitHub App whose JWTs are accepted and whose installation tokens act as `${slug}[bot]`. */
  app?: AppConfig;
  /** Base for html_url fields (default https://github.com). */
  htmlUrl?: string;
  now?: () => Date;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** The OpenAPI path template the request matched, when it matched one. */
  template?: string;
  login: string;
  /** The handler succeeded, so a write took effect, even if an injected fault hid it. */
  applied: boolean;
  faulted: boolean;
}

export interface Simulator {
  url: string;
  state: SimState;
  requests: RequestRecord[];
  violations: string[];
  /** GET requests. */
  reads(): RequestRecord[];
  /** Non-GET requests whose change took effect (including "after write" faults). */
  writes(): RequestRecord[];
  fail(spec: FaultSpec): FaultHandle;
  setTokenPermissions(token: string, permission: TokenPermission): void;
  setIdentity(token: string, identity: Identity): void;
  stats(): { specLoadMs: number; compileMs: number; compiledSchemas: number };
  close(): Promise<void>;
}

export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? (() => new Date());
  const state = createState(now);
  const auth = createAuth({ ...options, now });
  const faults = createFaults();
  const requests: RequestRecord[] = [];
  const violations: string[] = [];
  const services: Services = {
    routes: allRoutes.map((route) => ({ ...compileTemplate(route.template), route })),
    state,
    auth,
    faults,
    build: { api: "", html: options.htmlUrl ?? "https://github.com" },
    validate: options.validate ?? true,
    violations,
  };

  // One request at a time, in arrival order: handlers are synchronous, so each is atomic.
  let queue: Promise<void> = Promise.resolve();
  const server = createServer((req, res) => {
    const rawBody = readBody(req);
    queue = queue.then(async () => {
      const url = new URL(req.url ?? "/", services.build.api);
      const method = (req.method ?? "GET").toUpperCase();
      const outcome = handleRequest(
        { method, url, headers: req.headers, rawBody: await rawBody },
        services,
      );
      requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: outcome.body,
        status: outcome.result.status,
        ...(outcome.template ? { template: outcome.template } : {}),
        login: auth.identify(req.headers.authorization).identity.login,
        applied: outcome.applied,
        faulted: outcome.faulted,
      });
      writeResponse(res, outcome.result);
    });
    // A failure here (client went away, simulator bug) must not stall the requests behind it.
    queue = queue.catch((error: unknown) => {
      violations.push(`${req.method} ${req.url}: simulator failed: ${String(error)}`);
      if (!res.headersSent) writeResponse(res, { status: 500, body: { message: "Server Error" } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  services.build.api = `http://127.0.0.1:${port}`;

  return {
    url: services.build.api,
    state,
    requests,
    violations,
    reads: () => requests.filter((r) => r.method === "GET"),
    writes: () => requests.filter((r) => r.method !== "GET" && r.applied),
    fail: (spec) => faults.add(spec),
    setTokenPermissions: (token, permission) => auth.setTokenPermissions(token, permission),
    setIdentity: (token, identity) => auth.setIdentity(token, identity),
    stats() {
      const compiled = schemaCompiler().stats();
      return {
        specLoadMs: specLoadMs(),
        compileMs: compiled.compileMs,
        compiledSchemas: compiled.compiled,
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
