// Converts an OpenAPI 3.0 schema to plain JSON Schema for Ajv: `nullable: true` becomes
// anyOf null, component $refs point at ids Ajv knows, and documentation-only keys go.

export const COMPONENT_PREFIX = "#/components/schemas/";

/** Ajv schema id for a component schema. */
export function componentId(name: string): string {
  return `https://openapi.github.test/schemas/${encodeURIComponent(name)}`;
}

const DROPPED = new Set([
  "description",
  "example",
  "examples",
  "discriminator",
  "externalDocs",
  "deprecated",
  "xml",
  "title",
  "nullable",
]);

const SCHEMA_MAPS = new Set(["properties", "patternProperties"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf"]);
const SCHEMA_VALUES = new Set(["items", "additionalProperties", "not"]);

/** Converts `schema`, adding the names of referenced components to `refs`. */
export function toJsonSchema(schema: unknown, refs: Set<string>): unknown {
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith("x-")) continue;
    if (key === "$ref" && typeof value === "string" && value.startsWith(COMPONENT_PREFIX)) {
      const name = value.slice(COMPONENT_PREFIX.length);
      refs.add(name);
      out.$ref = componentId(name);
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([prop, sub]) => [prop, toJsonSchema(sub, refs)]),
      );
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => toJsonSchema(sub, refs));
    } else if (SCHEMA_VALUES.has(key) && isObject(value)) {
      out[key] = toJsonSchema(value, refs);
    } else {
      out[key] = value;
    }
  }
  // OpenAPI 3.0 allows null only when `nullable: true` is present.
  return schema.nullable === true ? { anyOf: [{ type: "null" }, out] } : out;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
