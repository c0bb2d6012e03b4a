// The keys a config object allows at a key path, read from the zod schema itself so that
// suggestions never drift from what validation accepts.
import type * as z from "zod/mini";

interface SchemaDef {
  type: string;
  innerType?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  options?: z.ZodMiniType[];
  valueType?: z.ZodMiniType;
  element?: z.ZodMiniType;
}

function defOf(schema: z.ZodMiniType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

function unwrap(schema: z.ZodMiniType): z.ZodMiniType[] {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === "union" && def.options) return def.options.flatMap(unwrap);
  return [schema];
}

/** Allowed keys of the object at `path` (numeric segments step into arrays), or []. */
export function schemaKeys(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] {
  let candidates = unwrap(schema);
  for (const segment of path) {
    candidates = candidates.flatMap((candidate) => {
      const def = defOf(candidate);
      if (def.type === "object" && def.shape) {
        const next = def.shape[String(segment)];
        return next ? unwrap(next) : [];
      }
      if (def.type === "record" && def.valueType) return unwrap(def.valueType);
      if (def.type === "array" && def.element) return unwrap(def.element);
      return [];
    });
  }
  return candidates.flatMap((candidate) => Object.keys(defOf(candidate).shape ?? {}));
}
