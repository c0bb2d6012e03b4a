// Reads the overrides the App keeps in its sticky comment's hidden state
// (`<!-- shipgate:state {…} -->`, app/overrides/app-state-marker.ts): who lifted which rule,
// when, why, for which commit. Anything malformed reads as none.
import type { RuleOverride } from "../apply-overrides.js";
import { RULE_IDS } from "../rules/rule-definitions.js";

const STATE = /<!-- shipgate:state (\{[^\n]*?\}) -->/;

export function readCommentOverrides(body: string): RuleOverride[] {
  const json = STATE.exec(body)?.[1];
  if (json === undefined) return [];
  try {
    const state = JSON.parse(json) as { overrides?: unknown };
    return Array.isArray(state.overrides) ? state.overrides.filter(isOverride) : [];
  } catch {
    return [];
  }
}

function isOverride(value: unknown): value is RuleOverride {
  const o = value as Partial<RuleOverride> | null;
  return (
    typeof o?.by === "string" &&
    typeof o.at === "string" &&
    typeof o.reason === "string" &&
    typeof o.sha === "string" &&
    RULE_IDS.some((id) => id === o.rule)
  );
}
