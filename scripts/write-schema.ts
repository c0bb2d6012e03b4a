// Regenerates the JSON Schemas in schema/ from their zod schemas (npm run schema): the config
// (editors complete .github/shipgate.yml with it) and the verdict (the JSON contract); and the
// rule ids in the verdict's published types.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { renderConfigJsonSchema } from "../shared/core/config/config-json-schema.js";
import { renderVerdictJsonSchema, renderVerdictTypes } from "../shared/core/verdict-schema.js";

mkdirSync("schema", { recursive: true });
for (const [file, text] of [
  ["schema/shipgate.schema.json", renderConfigJsonSchema()],
  ["schema/verdict.schema.json", renderVerdictJsonSchema()],
  ["types/verdict.d.ts", renderVerdictTypes(readFileSync("types/verdict.d.ts", "utf8"))],
]) {
  writeFileSync(file as string, text as string);
  console.log(`wrote ${file}`);
}
