// The first lines of every markdown report: the conclusion, the counts and the declared risk.
import type { Verdict } from "../types.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { oneLine } from "./one-line.js";
import { conclusionEmoji, conclusionText, describeCounts } from "./status-labels.js";

export function renderHeadline(verdict: Verdict): string {
  const title = `### ${conclusionEmoji(verdict.conclusion)} shipgate: ${conclusionText(verdict.conclusion).toLowerCase()}`;
  const facts = [describeCounts(verdict.rules)];
  if (verdict.riskLevel !== null) {
    facts.push(`declared risk: **${oneLine(escapeMarkdown(verdict.riskLevel), 100)}**`);
  }
  const line = facts.filter((fact) => fact !== "").join(" · ");
  return line === "" ? `${title}\n` : `${title}\n\n${line}\n`;
}
