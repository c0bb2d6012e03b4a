// POST /graphql: GraphQL has no OpenAPI description, so a query is checked against the slice of
// GitHub's schema the simulator knows; anything outside it is answered with GraphQL errors, as
// GitHub answers an invalid query, and recorded as a violation.
import type { IncomingCall, Outcome, Services } from "../handle-request.js";
import { errorResult } from "../route-kit.js";
import { executeGraphql, validateGraphql } from "./execute-graphql.js";
import { parseGraphql } from "./parse-graphql.js";

export const GRAPHQL_TEMPLATE = "/graphql";

export function handleGraphql(call: IncomingCall, s: Services): Outcome {
  const where = `POST ${GRAPHQL_TEMPLATE}`;
  let request: unknown;
  const outcome = (status: number, body: unknown, extra: Partial<Outcome> = {}): Outcome => ({
    result: { status, body, headers: { "x-ratelimit-resource": "graphql" } },
    template: GRAPHQL_TEMPLATE,
    body: request,
    applied: status < 400,
    faulted: false,
    ...extra,
  });
  try {
    request = JSON.parse(call.rawBody);
  } catch {
    s.violations.push(`${where}: request body is not JSON`);
    return { ...outcome(400, errorResult(400, "Problems parsing JSON").body), body: call.rawBody };
  }
  const { query, variables = {} } = (request ?? {}) as { query?: unknown; variables?: unknown };
  if (typeof query !== "string" || typeof variables !== "object" || variables === null) {
    s.violations.push(`${where}: the body must be {"query": string, "variables"?: object}`);
    return outcome(200, { errors: [{ message: "A query attribute must be specified" }] });
  }

  const fault = s.faults.take(
    { method: "POST", path: GRAPHQL_TEMPLATE, template: GRAPHQL_TEMPLATE },
    false,
  );
  if (fault) return { ...outcome(fault.status, fault.body), result: fault, faulted: true };

  const parsed = parseGraphql(query);
  const problems = parsed.ok
    ? validateGraphql(parsed.operation, variables as Record<string, unknown>)
    : [`Parse error: ${parsed.error}`];
  if (!parsed.ok || problems.length > 0) {
    const shown = query.replace(/\s+/g, " ").trim().slice(0, 200);
    s.violations.push(...problems.map((p) => `${where}: ${p} (query: ${shown})`));
    return outcome(200, { errors: problems.map((message) => ({ message })) });
  }
  const caller = s.auth.identify(call.headers.authorization);
  const response = executeGraphql(parsed.operation, variables as Record<string, unknown>, {
    state: s.state,
    caller,
    build: s.build,
  });
  return outcome(200, response);
}
