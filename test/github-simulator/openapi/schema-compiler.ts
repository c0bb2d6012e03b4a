// One Ajv instance per process that compiles OpenAPI schemas on demand. Component schemas are
// registered lazily (only those an operation reaches), so Ajv never sees the whole document.
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { loadSpec } from "./load-spec.js";
import { componentId, toJsonSchema } from "./to-json-schema.js";

export interface SchemaCompiler {
  /** Compiles an OpenAPI schema taken from the document; cached by `key`. */
  compile(key: string, schema: unknown): ValidateFunction;
  errorsText(validate: ValidateFunction, dataVar: string): string;
  stats(): { compiled: number; components: number; compileMs: number };
}

let instance: SchemaCompiler | undefined;

export function schemaCompiler(): SchemaCompiler {
  instance ??= createSchemaCompiler();
  return instance;
}

function createSchemaCompiler(): SchemaCompiler {
  const ajv = new Ajv({
    strict: false,
    logger: false,
    validateSchema: false,
    allErrors: false,
    inlineRefs: false,
    code: { optimize: false },
  });
  // ajv-formats is CommonJS; Node hands us module.exports, which also carries .default.
  addFormats.default(ajv);
  ajv.addFormat("timestamp", true);
  const added = new Set<string>();
  const cache = new Map<string, ValidateFunction>();
  let compileMs = 0;

  function register(names: Iterable<string>): void {
    const pending = [...names];
    const { schemas } = loadSpec().components;
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (added.has(name)) continue;
      added.add(name);
      const refs = new Set<string>();
      const converted = toJsonSchema(schemas[name], refs);
      ajv.addSchema({ ...(converted as object), $id: componentId(name) });
      pending.push(...refs);
    }
  }

  return {
    compile(key, schema) {
      const hit = cache.get(key);
      if (hit) return hit;
      const started = performance.now();
      const refs = new Set<string>();
      const converted = toJsonSchema(schema, refs);
      register(refs);
      const validate = ajv.compile(converted as object);
      compileMs += performance.now() - started;
      cache.set(key, validate);
      return validate;
    },
    errorsText(validate, dataVar) {
      return ajv.errorsText(validate.errors, { dataVar, separator: "; " });
    },
    stats: () => ({ compiled: cache.size, components: added.size, compileMs }),
  };
}
