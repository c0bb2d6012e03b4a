// The linked-risks rule: risks surfaced early, linked to a real item, with a declared level.
import type { RuleDefinition } from "../rule.js";
import { findRiskReferences } from "./find-risk-references.js";
import { linkedRisksRule } from "./linked-risks.js";
import { linkedRisksRuleSchema } from "./schema.js";

export const linkedRisksDefinition: RuleDefinition<
  "linked-risks",
  ReturnType<typeof linkedRisksRuleSchema>
> = {
  id: "linked-risks",
  schema: linkedRisksRuleSchema,
  run: (facts, config, context) =>
    linkedRisksRule(
      facts,
      { ...config, levels: [...context.risk.levels], labelPrefix: context.risk.labelPrefix },
      context,
    ),
  references: (body, config, repository) =>
    findRiskReferences(body, config.patterns, repository).github,
};
