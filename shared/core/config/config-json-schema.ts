// The JSON Schema editors use for completion of .github/shipgate.yml, derived from the zod schema.
import * as z from "zod/mini";
import { configSchema } from "./config-schema.js";

export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema(), { io: "input", target: "draft-07" }),
    $id: "https://shipgate.dev/schema/shipgate.schema.json",
    title: "shipgate configuration (.github/shipgate.yml)",
  };
}

/** The committed file's exact text, so a test can tell when it is stale. */
export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
