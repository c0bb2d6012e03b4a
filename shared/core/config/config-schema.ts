// The one schema for .github/shipgate.yml: validation, defaults and the published JSON Schema all
// come from here. Each rule's settings come from its definition (shared/core/rules/<id>/).
import * as z from "zod/mini";
import { RULES } from "../rules/rule-definitions.js";
import { lazySchema } from "./lazy-schema.js";
import { useEnglish } from "./schema-parts.js";

/**
 * The same rule settings with no defaults, for risk-level overrides: an override must only
 * change what it names (zod's partial() would still fill in every default).
 */
function overridesOf(schema: z.ZodMiniObject) {
  const shape = Object.fromEntries(
    Object.entries(schema.def.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodMiniDefault ? field.def.innerType : field;
      return [key, z.optional(inner)];
    }),
  );
  return z.strictObject(shape);
}

type RuleSchemas = { [D in (typeof RULES)[number] as D["id"]]: ReturnType<D["schema"]> };

/** Each rule's settings under its id, filled with defaults when absent. */
export const rulesSchema = lazySchema(() =>
  z.strictObject(
    Object.fromEntries(
      RULES.map((rule) => [rule.id, z.prefault(rule.schema() as z.ZodMiniObject, {})]),
    ) as {
      [K in keyof RuleSchemas]: z.ZodMiniPrefault<RuleSchemas[K]>;
    },
  ),
);

/** Per rule, the settings a risk level may tighten, each optional and without defaults. */
export const ruleOverridesSchema = lazySchema(() =>
  z.strictObject(
    Object.fromEntries(
      RULES.map((rule) => [rule.id, z.optional(overridesOf(rule.schema()))]),
    ) as Record<keyof RuleSchemas, z.ZodMiniOptional<ReturnType<typeof overridesOf>>>,
  ),
);

export const configSchema = lazySchema(() => {
  useEnglish();
  return z.strictObject({
    extends: z
      .optional(z.string())
      .check(z.describe("Org-wide defaults to start from, e.g. my-org/.github (App only)")),
    rules: z.prefault(rulesSchema(), {}),
    risk: z.prefault(
      z.strictObject({
        levels: z._default(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)), [
          "low",
          "medium",
          "high",
        ]),
        "label-prefix": z
          ._default(z.string(), "risk:")
          .check(z.describe('A label "risk:high" declares a level')),
      }),
      {},
    ),
    "risk-levels": z
      ._default(z.record(z.string(), ruleOverridesSchema()), {
        high: { size: { "max-lines": 200 }, coverage: { "min-patch": 90 } },
      })
      .check(z.describe("Per declared risk level, stricter rule settings deep-merged over rules")),
  });
});

export type Config = z.infer<ReturnType<typeof configSchema>>;
export type RulesConfig = Config["rules"];
export type { SizeRuleConfig } from "../rules/size/schema.js";
export type { CoverageRuleConfig } from "../rules/coverage/schema.js";
export type { RolloutNotesRuleConfig, RolloutItem } from "../rules/rollout-notes/schema.js";
export type { LinkedRisksRuleConfig } from "../rules/linked-risks/schema.js";
export { DEFAULT_COVERAGE_REPORTS } from "../rules/coverage/schema.js";
