// The rollout-notes rule: a way out before going in.
import type { RuleDefinition } from "../rule.js";
import { rolloutNotesRule } from "./rollout-notes.js";
import { rolloutNotesRuleSchema } from "./schema.js";

export const rolloutNotesDefinition: RuleDefinition<
  "rollout-notes",
  ReturnType<typeof rolloutNotesRuleSchema>
> = {
  id: "rollout-notes",
  schema: rolloutNotesRuleSchema,
  run: rolloutNotesRule,
};
