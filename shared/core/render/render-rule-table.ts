// The table of rules (rule, status, summary) at the top of the comment, check run and summary.
import type { RuleResult } from "../types.js";
import { codeSpan } from "./escape-markdown.js";
import { oneLine } from "./one-line.js";
import { statusEmoji, statusWord } from "./status-labels.js";

/** Renders at most `maxRows` rows, then one row saying how many were left out. */
export function renderRuleTable(rules: readonly RuleResult[], maxRows = rules.length): string {
  if (rules.length === 0) return "_No rules are enabled._\n";
  const rows = rules
    .slice(0, maxRows)
    .map(
      (rule) =>
        `| ${tableCell(codeSpan(rule.id))} | ${statusEmoji(rule)} ${statusWord(rule)} | ${tableCell(rule.summary)} |`,
    );
  const hidden = rules.length - rows.length;
  if (hidden > 0)
    rows.push(`| … | | ${hidden} more ${hidden === 1 ? "rule" : "rules"} not shown |`);
  return ["| Rule | Status | Summary |", "| --- | --- | --- |", ...rows, ""].join("\n");
}

/** One line, and every pipe not already escaped is escaped so it cannot start a new cell. */
export function tableCell(markdown: string): string {
  return oneLine(markdown).replace(/(?<!\\)((?:\\\\)*)\|/g, "$1\\|");
}
