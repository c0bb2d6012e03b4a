// zod builds a schema's objects where it is declared, and the config's schemas take
// milliseconds to build: a check whose config was validated before (cli/config-cache.ts) never
// uses them. So schemas are declared as functions that build them on their first call.

/** A function that builds the schema on its first call and returns that one ever after. */
export function lazySchema<Schema>(build: () => Schema): () => Schema {
  let schema: Schema | undefined;
  return () => (schema ??= build());
}
