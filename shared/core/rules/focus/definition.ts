// The focus rule: limited work in progress, one concern per change, no pull request left waiting.
import type { RuleDefinition } from "../rule.js";
import { focusRule } from "./focus.js";
import { focusRuleSchema } from "./schema.js";

export const focusDefinition: RuleDefinition<"focus", ReturnType<typeof focusRuleSchema>> = {
  id: "focus",
  schema: focusRuleSchema,
  run: focusRule,
  gathers: ["flow"],
};
