// Checks a request's query/body and a response's body against one OpenAPI operation.
// Returns human-readable problems; an empty list means the message matches the description.
import { loadSpec } from "./load-spec.js";
import { schemaCompiler } from "./schema-compiler.js";
import type { SpecOperation } from "./spec-index.js";
import { isObject } from "./to-json-schema.js";

export function validateRequest(
  op: SpecOperation,
  query: URLSearchParams,
  body: unknown,
): string[] {
  const problems: string[] = [];
  for (const raw of op.operation.parameters ?? []) {
    const param = resolve(raw);
    if (param.in !== "query" || typeof param.name !== "string") continue;
    const value = query.get(param.name);
    if (value === null) {
      if (param.required === true) problems.push(`query parameter ${param.name} is required`);
      continue;
    }
    const validate = compile(op, `query ${param.name}`, param.schema ?? {});
    if (!validate(coerce(value, param.schema))) {
      problems.push(schemaCompiler().errorsText(validate, `query.${param.name}`));
    }
  }
  const requestBody = op.operation.requestBody ? resolve(op.operation.requestBody) : undefined;
  const schema = requestBody && jsonSchemaOf(requestBody);
  if (requestBody?.required === true && body === undefined) {
    problems.push("a request body is required");
  } else if (schema && body !== undefined) {
    const validate = compile(op, "body", schema);
    if (!validate(body)) problems.push(schemaCompiler().errorsText(validate, "body"));
  }
  return problems;
}

/** Problems with a response body, or ["undocumented status"] for an undocumented 2xx. */
export function validateResponse(op: SpecOperation, status: number, body: unknown): string[] {
  const documented = op.operation.responses?.[String(status)];
  if (documented === undefined) {
    return status < 300 ? [`status ${status} is not documented`] : [];
  }
  const schema = jsonSchemaOf(resolve(documented));
  if (!schema) return [];
  const validate = compile(op, `response ${status}`, schema);
  return validate(body) ? [] : [schemaCompiler().errorsText(validate, "response")];
}

function compile(op: SpecOperation, part: string, schema: unknown) {
  return schemaCompiler().compile(`${op.method} ${op.template} ${part}`, schema);
}

function jsonSchemaOf(message: Record<string, unknown>): unknown {
  const content = message.content;
  if (!isObject(content)) return undefined;
  const json = content["application/json"];
  return isObject(json) ? json.schema : undefined;
}

/** Follows a local `#/components/...` reference (parameters, responses, requestBodies). */
function resolve(value: unknown): Record<string, unknown> {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 5; hops++) {
    let target: unknown = loadSpec();
    for (const key of current.$ref.replace(/^#\//, "").split("/")) {
      target = isObject(target) ? target[key] : undefined;
    }
    current = target;
  }
  return isObject(current) ? current : {};
}

function coerce(value: string, schema: unknown): unknown {
  const type = isObject(schema) ? schema.type : undefined;
  if ((type === "integer" || type === "number") && value.trim() !== "" && !isNaN(Number(value))) {
    return Number(value);
  }
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  if (type === "array") return value.split(",");
  return value;
}
