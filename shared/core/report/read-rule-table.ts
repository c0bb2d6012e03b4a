// Reads shipgate's rule table (render/render-rule-table.ts) back out of a check run's summary or
// the sticky comment: each rule's outcome on the pull request's head, for the report.
import { type RuleId } from "../types.js";
import { RULE_IDS } from "../rules/rule-definitions.js";

/** `overridden`: someone accountable lifted the rule (the table says "Overridden by …"). */
export type RuleOutcome = "pass" | "warn" | "fail" | "skip" | "pending" | "overridden";

export interface RuleRow {
  rule: RuleId;
  outcome: RuleOutcome;
}

// | `size` | ✅ pass | 7 lines in 1 file (XS), limit … |
const ROW = /^\| `([a-z-]+)` \| \S+ ([a-z]+(?: \(not blocking\))?) \| (.*) \|$/;

const OUTCOMES: Record<string, RuleOutcome> = {
  pass: "pass",
  warn: "warn",
  "fail (not blocking)": "warn",
  fail: "fail",
  skipped: "skip",
  off: "skip",
  pending: "pending",
};

/** The rows of the first rule table in `markdown`; null when there is none. */
export function readRuleTable(markdown: string): RuleRow[] | null {
  const start = markdown.indexOf("| Rule | Status | Summary |");
  if (start === -1) return null;
  const rows: RuleRow[] = [];
  for (const line of markdown.slice(start).split("\n").slice(2)) {
    const match = ROW.exec(line);
    if (match === null) break;
    const rule = RULE_IDS.find((id) => id === match[1]);
    const outcome = OUTCOMES[match[2] as string];
    if (rule === undefined || outcome === undefined) continue;
    const overridden = outcome === "skip" && /^Overridden by /.test(match[3] as string);
    rows.push({ rule, outcome: overridden ? "overridden" : outcome });
  }
  return rows;
}
