// Checks one request/response exchange against GitHub's OpenAPI description and words each
// mismatch as a violation message ("METHOD /template: problem").
import { findSpecOperation, type SpecOperation } from "./spec-index.js";
import { validateRequest, validateResponse } from "./validate-operation.js";

export interface RequestCheck {
  op?: SpecOperation;
  /** True when GitHub's description has no such path or method (GitHub answers 404). */
  unknownRoute: boolean;
  violations: string[];
}

export function checkRequest(
  method: string,
  pathname: string,
  query: URLSearchParams,
  body: unknown,
): RequestCheck {
  const found = findSpecOperation(method, pathname);
  if (found.kind === "no-path") {
    return {
      unknownRoute: true,
      violations: [`${method} ${pathname}: path not in GitHub's OpenAPI description`],
    };
  }
  if (found.kind === "no-method") {
    const problem = `${method} ${found.template}: method not in GitHub's OpenAPI description`;
    return { unknownRoute: true, violations: [problem] };
  }
  const { op } = found;
  const problems = guard(() => validateRequest(op, query, body));
  return {
    op,
    unknownRoute: false,
    violations: problems.map((p) => `${method} ${op.template}: request ${p}`),
  };
}

export function checkResponse(op: SpecOperation, status: number, body: unknown): string[] {
  return guard(() => validateResponse(op, status, body)).map(
    (p) => `${op.method} ${op.template}: response ${status} ${p}`,
  );
}

/** A schema the validator cannot compile is reported, not thrown into the HTTP handler. */
function guard(check: () => string[]): string[] {
  try {
    return check();
  } catch (error) {
    return [`could not validate: ${error instanceof Error ? error.message : String(error)}`];
  }
}
