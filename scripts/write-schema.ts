// Regenerates schema/shipgate.schema.json from the config schema (npm run schema).
import { mkdirSync, writeFileSync } from "node:fs";
import { renderConfigJsonSchema } from "../shared/core/config/config-json-schema.js";

mkdirSync("schema", { recursive: true });
writeFileSync("schema/shipgate.schema.json", renderConfigJsonSchema());
console.log("wrote schema/shipgate.schema.json");
