// Starts the GitHub API simulator: a node:http server on 127.0.0.1 (random port) that handles
// REST and GraphQL requests one at a time in arrival order, against in-memory state.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createAuth, type AppConfig, type TokenPermission } from "./create-auth.js";
import { createFaults, type FaultHandle, type FaultSpec } from "./create-faults.js";
import { createHolds, type Gate, type HoldSpec } from "./create-holds.js";
import { createState, type SimState } from "./create-state.js";
import { GRAPHQL_TEMPLATE, handleGraphql } from "./graphql/handle-graphql.js";
import { handleRequest, type IncomingCall, type Outcome, type Services } from "./handle-request.js";
import { compileTemplate } from "./openapi/match-template.js";
import { specLoadMs } from "./openapi/load-spec.js";
import { schemaCompiler } from "./openapi/schema-compiler.js";
import { notFound } from "./route-kit.js";
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
  /**
   * Where the REST API lives, e.g. "/api/v3" as on GitHub Enterprise Server (default: the root).
   * GraphQL is then at "/api/graphql" (a trailing /v3 replaced), otherwise at "<basePath>/graphql".
   */
  basePath?: string;
  now?: () => Date;
}

export interface RequestRecord {
  method: string;
  /** The API path, without the base path; "/graphql" for every GraphQL request. */
  path: string;
  /** The path as requested, base path included. */
  urlPath: string;
  /** GET and GraphQL queries read; everything else writes. */
  kind: "read" | "write";
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
  /** The REST API's base URL (GITHUB_API_URL), base path included. */
  url: string;
  /** The GraphQL endpoint (GITHUB_GRAPHQL_URL). */
  graphqlUrl: string;
  state: SimState;
  requests: RequestRecord[];
  violations: string[];
  /** GET requests and GraphQL queries. */
  reads(): RequestRecord[];
  /** Other requests whose change took effect (including "after write" faults). */
  writes(): RequestRecord[];
  fail(spec: FaultSpec): FaultHandle;
  /**
   * Holds the matching requests (REST only) until `release()`: a slow API whose slowness the test
   * controls. Other requests are answered meanwhile. See create-holds.ts.
   */
  hold(spec: HoldSpec): Gate;
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
  const holds = createHolds();
  const requests: RequestRecord[] = [];
  const violations: string[] = [];
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const graphqlPath = `${basePath.replace(/\/v3$/, "")}${GRAPHQL_TEMPLATE}`;
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
    const held = holds.pass({
      method: (req.method ?? "GET").toUpperCase(),
      path: apiPath(new URL(req.url ?? "/", "http://simulator").pathname, basePath) ?? "",
    });
    void held.then(() => answer(req, res, rawBody));
  });
  const answer = (req: IncomingMessage, res: ServerResponse, rawBody: Promise<string>) => {
    queue = queue.then(async () => {
      const url = new URL(req.url ?? "/", services.build.api);
      const method = (req.method ?? "GET").toUpperCase();
      const graphql = method === "POST" && url.pathname === graphqlPath;
      const path = graphql ? GRAPHQL_TEMPLATE : apiPath(url.pathname, basePath);
      const call = { method, url, path: path ?? "", headers: req.headers, rawBody: await rawBody };
      let outcome: Outcome;
      if (graphql) outcome = handleGraphql(call, services);
      else if (path === undefined) outcome = outsideBasePath(call, basePath, violations);
      else outcome = handleRequest(call, services);
      requests.push({
        method,
        path: call.path,
        urlPath: url.pathname,
        kind: method === "GET" || (graphql && !isMutation(outcome.body)) ? "read" : "write",
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
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  services.build.api = `${origin}${basePath}`;

  return {
    url: services.build.api,
    graphqlUrl: `${origin}${graphqlPath}`,
    state,
    requests,
    violations,
    reads: () => requests.filter((r) => r.kind === "read"),
    writes: () => requests.filter((r) => r.kind === "write" && r.applied),
    fail: (spec) => faults.add(spec),
    hold: (spec) => holds.add(spec),
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
        holds.releaseAll();
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

/** The path below the base path, or undefined when the request is outside it. */
function apiPath(pathname: string, basePath: string): string | undefined {
  if (basePath === "") return pathname;
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

function outsideBasePath(call: IncomingCall, basePath: string, violations: string[]): Outcome {
  violations.push(`${call.method} ${call.url.pathname}: outside the API base path ${basePath}`);
  return { result: notFound(), body: call.rawBody, applied: false, faulted: false };
}

function isMutation(body: unknown): boolean {
  const query = (body as { query?: unknown } | undefined)?.query;
  return typeof query === "string" && /^\s*(mutation|subscription)\b/.test(query);
}
