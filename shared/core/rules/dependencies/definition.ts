// The dependencies rule: dependencies visible, and merged before what depends on them.
import type { RuleDefinition } from "../rule.js";
import { dependenciesRule } from "./dependencies.js";
import { findDependencies } from "./find-dependencies.js";
import { dependenciesRuleSchema } from "./schema.js";

export const dependenciesDefinition: RuleDefinition<
  "dependencies",
  ReturnType<typeof dependenciesRuleSchema>
> = {
  id: "dependencies",
  schema: dependenciesRuleSchema,
  run: dependenciesRule,
  references: (body, config, repository) =>
    findDependencies(body, config.keywords, repository).github,
  gathers: ["stack"],
};
