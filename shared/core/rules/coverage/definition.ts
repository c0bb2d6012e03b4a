// The coverage rule: the changed lines are tested.
import type { RuleDefinition } from "../rule.js";
import { coverageRule } from "./coverage.js";
import { coverageRuleSchema } from "./schema.js";

export const coverageDefinition: RuleDefinition<
  "coverage",
  ReturnType<typeof coverageRuleSchema>
> = {
  id: "coverage",
  schema: coverageRuleSchema,
  run: coverageRule,
};
