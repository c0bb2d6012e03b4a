// The JSON contract of `shipgate check --format json` (and the Action's verdict file), version 1.
// `import type { JsonVerdict } from "shipgate/verdict"`. The same contract as a JSON Schema:
// `shipgate/schema/verdict.json`, generated from shared/core/verdict-schema.ts; a test holds these
// types to it. docs/json.md describes each field.

/** Every rule, in the order verdicts list them. */
export type RuleId =
  "size" | "coverage" | "rollout-notes" | "linked-risks" | "dependencies" | "focus";
export type RuleStatus = "pass" | "warn" | "fail" | "skip" | "pending";
/** Whether a rule's failure blocks (`block`), only warns (`warn`), or the rule is `off`. */
export type Level = "block" | "warn" | "off";
export type Conclusion = "success" | "failure" | "neutral";

/** JSON as the verdict holds it: object keys sorted, what JSON cannot hold left out or null. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface JsonRuleResult {
  id: RuleId;
  status: RuleStatus;
  level: Level;
  /** One line with the measured figure and the limit (markdown). */
  summary: string;
  /** Markdown that tells the author how to fix it. */
  details: string;
  /** The rule's measured figures (e.g. `lines`, `files` for size); keys sorted. */
  metrics: { [key: string]: JsonValue };
}

export interface JsonVerdict {
  /** Bumped on any change a consumer could notice other than a new key. */
  version: 1;
  conclusion: Conclusion;
  /** The declared risk level, if any. */
  riskLevel: string | null;
  rules: JsonRuleResult[];
  /** Notes about the evaluation itself (truncated file list, config changed in the PR). */
  notes: string[];
}
