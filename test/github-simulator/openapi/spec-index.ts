// Finds the OpenAPI operation (path template + method) that a request path addresses.
import { loadSpec, type OpenApiOperation } from "./load-spec.js";
import { compileTemplate, matchBest, type CompiledTemplate } from "./match-template.js";

export interface SpecOperation {
  method: string;
  template: string;
  operation: OpenApiOperation;
}

export type SpecLookup =
  | { kind: "found"; op: SpecOperation }
  | { kind: "no-path" }
  | { kind: "no-method"; template: string };

let index: CompiledTemplate[] | undefined;

export function findSpecOperation(method: string, pathname: string): SpecLookup {
  const paths = loadSpec().paths;
  index ??= Object.keys(paths).map(compileTemplate);
  const verb = method.toLowerCase();
  const hit = matchBest(index, pathname, (entry) => paths[entry.template]?.[verb] !== undefined);
  const operation = hit && paths[hit.entry.template]?.[verb];
  if (hit && operation) {
    return {
      kind: "found",
      op: { method: verb.toUpperCase(), template: hit.entry.template, operation },
    };
  }
  const anyMethod = matchBest(index, pathname);
  return anyMethod
    ? { kind: "no-method", template: anyMethod.entry.template }
    : { kind: "no-path" };
}
