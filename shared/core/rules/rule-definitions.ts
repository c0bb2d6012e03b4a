// Every rule, in the order verdicts list them. A new rule is one folder and one line here.
import { coverageDefinition } from "./coverage/definition.js";
import { dependenciesDefinition } from "./dependencies/definition.js";
import { focusDefinition } from "./focus/definition.js";
import { linkedRisksDefinition } from "./linked-risks/definition.js";
import { rolloutNotesDefinition } from "./rollout-notes/definition.js";
import { sizeDefinition } from "./size/definition.js";

export const RULES = [
  sizeDefinition,
  coverageDefinition,
  rolloutNotesDefinition,
  linkedRisksDefinition,
  dependenciesDefinition,
  focusDefinition,
] as const;

export type RuleId = (typeof RULES)[number]["id"];

export const RULE_IDS = RULES.map((rule) => rule.id) as unknown as readonly [RuleId, ...RuleId[]];
