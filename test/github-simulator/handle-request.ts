// The request pipeline: OpenAPI request check, read-only tokens, injected faults, the route
// handler, then the OpenAPI response check. Returns what to send and what to log.
import type { IncomingHttpHeaders } from "node:http";
import type { BuildContext } from "./build/context.js";
import type { AuthRegistry } from "./create-auth.js";
import type { FaultRegistry } from "./create-faults.js";
import type { SimState } from "./create-state.js";
import { checkRequest, checkResponse } from "./openapi/check-exchange.js";
import type { CompiledTemplate } from "./openapi/match-template.js";
import { matchBest } from "./openapi/match-template.js";
import { errorResult, notFound, RouteError, type Route, type RouteResult } from "./route-kit.js";

export interface Services {
  routes: (CompiledTemplate & { route: Route })[];
  state: SimState;
  auth: AuthRegistry;
  faults: FaultRegistry;
  build: BuildContext;
  validate: boolean;
  violations: string[];
}

export interface IncomingCall {
  method: string;
  /** The full request URL (pagination links are built from it). */
  url: URL;
  /** The API path: url's path without the simulator's base path (e.g. /api/v3). */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface Outcome {
  result: RouteResult;
  template?: string;
  body: unknown;
  /** The handler ran and succeeded, so any write took effect (even if a fault then hid it). */
  applied: boolean;
  faulted: boolean;
}

const JWT_ROUTES = /^\/app(\/|$)/;

export function handleRequest(call: IncomingCall, s: Services): Outcome {
  const { method, url, path } = call;
  let body: unknown;
  try {
    body = call.rawBody.trim() === "" ? undefined : JSON.parse(call.rawBody);
  } catch {
    s.violations.push(`${method} ${path}: request body is not JSON`);
    return {
      result: errorResult(400, "Problems parsing JSON"),
      body: call.rawBody,
      applied: false,
      faulted: false,
    };
  }
  const done = (result: RouteResult, extra: Partial<Outcome> = {}): Outcome => ({
    result,
    body,
    applied: false,
    faulted: false,
    ...extra,
  });

  const hit = matchBest(s.routes, path, (r) => r.route.method === method);
  const internal = hit?.entry.template.startsWith("/_simulator/") ?? false;
  const check =
    s.validate && !internal ? checkRequest(method, path, url.searchParams, body) : undefined;
  s.violations.push(...(check?.violations ?? []));
  if (!hit) {
    if (check && !check.unknownRoute)
      s.violations.push(`${method} ${check.op?.template}: not implemented by the simulator`);
    return done(notFound());
  }
  const template = hit.entry.template;
  if (check?.op && check.op.template !== template) {
    s.violations.push(
      `${method} ${path}: simulator route ${template} differs from ${check.op.template}`,
    );
  }
  if (check && check.violations.length > 0) {
    const detail = check.violations.map((v) => v.replace(/^[A-Z]+ \S+: request /, "")).join("\n");
    return done(errorResult(422, `Invalid request.\n\n${detail}`), { template });
  }

  const caller = s.auth.identify(call.headers.authorization);
  if (method !== "GET" && !caller.canWrite && !JWT_ROUTES.test(path)) {
    return done(errorResult(403, "Resource not accessible by integration"), { template });
  }
  const before = s.faults.take({ method, path, template }, false);
  if (before) return done(before, { template, faulted: true });

  let result: RouteResult;
  try {
    const ctx = {
      params: hit.params,
      query: url.searchParams,
      body,
      headers: call.headers,
      url,
      caller,
      identity: caller.identity,
    };
    result = hit.entry.route.handle({ ...ctx, state: s.state, auth: s.auth, build: s.build });
  } catch (error) {
    if (!(error instanceof RouteError)) {
      s.violations.push(`${method} ${template}: simulator handler threw ${String(error)}`);
      return done(errorResult(500, "Server Error"), { template });
    }
    result = error.result;
  }
  const applied = result.status < 400;
  const after =
    applied && method !== "GET" ? s.faults.take({ method, path, template }, true) : undefined;
  if (after) return done(after, { template, applied, faulted: true });
  if (check?.op && result.raw === undefined && result.status !== 302) {
    s.violations.push(...checkResponse(check.op, result.status, result.body));
  }
  return done(result, { template, applied });
}
