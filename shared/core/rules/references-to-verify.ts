// The issues and pull requests the rules want an adapter with GitHub access to look up: each
// rule that is on names its own, so adapters know nothing of any rule's internals.
import type { Config } from "../config/config-schema.js";
import type { RuleDefinition } from "./rule.js";
import { RULES } from "./rule-definitions.js";
import type * as z from "zod/mini";

export function referencesToVerify(body: string, config: Config, repository: string): string[] {
  const refs = new Set<string>();
  for (const rule of RULES as readonly RuleDefinition<string, z.ZodMiniObject>[]) {
    const settings = (config.rules as Record<string, { level?: string }>)[rule.id];
    if (rule.references === undefined || settings === undefined || settings.level === "off")
      continue;
    for (const ref of rule.references(body, settings, repository)) refs.add(ref);
  }
  return [...refs];
}
