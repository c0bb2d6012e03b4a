// The size rule: small, reviewable slices.
import type { RuleDefinition } from "../rule.js";
import { sizeRuleSchema } from "./schema.js";
import { sizeRule } from "./size.js";

export const sizeDefinition: RuleDefinition<"size", ReturnType<typeof sizeRuleSchema>> = {
  id: "size",
  schema: sizeRuleSchema,
  run: sizeRule,
};
