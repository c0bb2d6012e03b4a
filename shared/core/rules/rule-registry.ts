// Every rule, in the order verdicts list them. A new rule is one file and one entry here.
import type { Config, RulesConfig } from "../config/config-schema.js";
import type { PullRequestFacts, RuleId, RuleResult } from "../types.js";
import { coverageRule } from "./coverage.js";
import { linkedRisksRule } from "./linked-risks.js";
import { rolloutNotesRule } from "./rollout-notes.js";
import type { RuleContext } from "./rule.js";
import { sizeRule } from "./size.js";

export interface RuleEntry {
  id: RuleId;
  /** `rules` is the rules config after the declared risk level's overrides. */
  run: (
    facts: PullRequestFacts,
    config: Config,
    rules: RulesConfig,
    context: RuleContext,
  ) => RuleResult;
}

export const ruleRegistry: readonly RuleEntry[] = [
  { id: "size", run: (facts, _config, rules, context) => sizeRule(facts, rules.size, context) },
  {
    id: "coverage",
    run: (facts, _config, rules, context) => coverageRule(facts, rules.coverage, context),
  },
  {
    id: "rollout-notes",
    run: (facts, _config, rules, context) =>
      rolloutNotesRule(facts, rules["rollout-notes"], context),
  },
  {
    id: "linked-risks",
    run: (facts, config, rules, context) =>
      linkedRisksRule(
        facts,
        {
          ...rules["linked-risks"],
          levels: config.risk.levels,
          labelPrefix: config.risk["label-prefix"],
        },
        context,
      ),
  },
];
