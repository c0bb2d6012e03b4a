// The words that name each rollout item on a line: "Rollback: revert the deploy" addresses
// rollback. Each pattern is a plain alternation, linear on any line.
import type { RolloutItem } from "./schema.js";

export const ROLLOUT_KEYWORDS: Record<RolloutItem, RegExp> = {
  // "Rollback plan" and "monitoring plan" are about those items, not the rollout plan.
  plan: /(?<!(?:back|revert|monitoring|alerting|flag|toggle)[ \t-]{0,2})\b(?:plan\w*|steps?|stages?|staged|staging|canary|canaries|phased?|phases|percent\w*)\b|\b\d{1,3}(?:\.\d{1,3})?[ \t]?%/i,
  rollback: /\b(?:roll(?:ed|ing)?[ \t-]?backs?|revert\w*|undo\w*)\b/i,
  flag: /\b(?:feature[ \t-]?flags?|flag\w*|toggle\w*|kill[ \t-]?switch(?:es)?)\b/i,
  monitoring: /\b(?:monitor\w*|dashboards?|alert\w*|metrics?|observ\w*|slos?|slis?)\b/i,
};

/** How each item is called in messages and in the example section. */
export const ROLLOUT_ITEM_NAMES: Record<RolloutItem, string> = {
  plan: "Plan",
  rollback: "Rollback",
  flag: "Feature flag",
  monitoring: "Monitoring",
};
