// The plain data that flows through the gate: facts in, verdict out. No behaviour here.
// Facts and one rule's outcome live in facts.ts; here they are bound to the rule ids.
import type { RuleFinding, RuleOutcome } from "./facts.js";
import type { RuleId } from "./rules/rule-definitions.js";

export type * from "./facts.js";

/** Every rule's id: derived from the list of rule definitions. */
export type { RuleId } from "./rules/rule-definitions.js";
export type Conclusion = "success" | "failure" | "neutral";

/** A finding tied to lines of a file (annotations, review comments). */
export type LineFinding = RuleFinding<RuleId>;

/** What a rule concluded, for any rule. */
export type RuleResult = RuleOutcome<RuleId>;

export interface Verdict {
  version: 1;
  conclusion: Conclusion;
  /** The declared risk level, if any. */
  riskLevel: string | null;
  rules: RuleResult[];
  /** Notes about the evaluation itself (truncated file list, config changed in the PR). */
  notes: string[];
}
