// The facts beyond the pull request that the rules which are on want an adapter to gather (each
// costs reads): derived from the definitions, so adapters know nothing of any rule's internals.
import type { Config } from "../config/config-schema.js";
import type { GatheredFact, RuleDefinition } from "./rule.js";
import { RULES } from "./rule-definitions.js";
import type * as z from "zod/mini";

export function factsToGather(config: Config): Set<GatheredFact> {
  const wanted = new Set<GatheredFact>();
  for (const rule of RULES as readonly RuleDefinition<string, z.ZodMiniObject>[]) {
    const settings = (config.rules as Record<string, { level?: string }>)[rule.id];
    if (settings === undefined || settings.level === "off") continue;
    for (const fact of rule.gathers ?? []) wanted.add(fact);
  }
  return wanted;
}
