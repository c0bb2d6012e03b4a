// Regenerates the JSON Schemas in schema/ from their zod schemas (npm run schema): the config
// (editors complete .github/shipgate.yml with it) and the verdict (the JSON contract).
import { mkdirSync, writeFileSync } from "node:fs";
import { renderConfigJsonSchema } from "../shared/core/config/config-json-schema.js";
import { renderVerdictJsonSchema } from "../shared/core/verdict-schema.js";

mkdirSync("schema", { recursive: true });
for (const [file, text] of [
  ["schema/shipgate.schema.json", renderConfigJsonSchema()],
  ["schema/verdict.schema.json", renderVerdictJsonSchema()],
]) {
  writeFileSync(file as string, text as string);
  console.log(`wrote ${file}`);
}
