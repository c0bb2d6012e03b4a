// The one schema for .github/shipgate.yml: validation, defaults and the published JSON Schema all
// come from here. Each rule's settings come from its definition (shared/core/rules/<id>/).
import { z } from "zod";
import { RULES } from "../rules/rule-definitions.js";

/**
 * The same rule settings with no defaults, for risk-level overrides: an override must only
 * change what it names (zod's partial() would still fill in every default).
 */
function overridesOf(schema: z.ZodObject) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
      return [key, (inner as z.ZodType).optional()];
    }),
  );
  return z.object(shape).strict();
}

type RuleSchemas = { [D in (typeof RULES)[number] as D["id"]]: D["schema"] };

/** Each rule's settings under its id, filled with defaults when absent. */
export const rulesSchema = z
  .object(
    Object.fromEntries(
      RULES.map((rule) => [rule.id, (rule.schema as z.ZodObject).prefault({})]),
    ) as {
      [K in keyof RuleSchemas]: z.ZodPrefault<RuleSchemas[K]>;
    },
  )
  .strict();

/** Per rule, the settings a risk level may tighten, each optional and without defaults. */
export const ruleOverridesSchema = z
  .object(
    Object.fromEntries(
      RULES.map((rule) => [rule.id, overridesOf(rule.schema).optional()]),
    ) as Record<keyof RuleSchemas, z.ZodOptional<z.ZodObject>>,
  )
  .strict();

export const configSchema = z
  .object({
    extends: z
      .string()
      .optional()
      .describe("Org-wide defaults to start from, e.g. my-org/.github (App only)"),
    rules: rulesSchema.prefault({}),
    risk: z
      .object({
        levels: z.array(z.string().min(1)).min(1).default(["low", "medium", "high"]),
        "label-prefix": z
          .string()
          .default("risk:")
          .describe('A label "risk:high" declares a level'),
      })
      .strict()
      .prefault({}),
    "risk-levels": z
      .record(z.string(), ruleOverridesSchema)
      .default({
        high: { size: { "max-lines": 200 }, coverage: { "min-patch": 90 } },
      })
      .describe("Per declared risk level, stricter rule settings deep-merged over rules"),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type RulesConfig = Config["rules"];
export type { SizeRuleConfig } from "../rules/size/schema.js";
export type { CoverageRuleConfig } from "../rules/coverage/schema.js";
export type { RolloutNotesRuleConfig, RolloutItem } from "../rules/rollout-notes/schema.js";
export type { LinkedRisksRuleConfig } from "../rules/linked-risks/schema.js";
export { DEFAULT_COVERAGE_REPORTS } from "../rules/coverage/schema.js";
