// The check run's output: a short title, the rule table as summary and every rule's details as
// text, each within GitHub's 65,535-byte limit.
import type { RuleResult, Verdict } from "../types.js";
import { fitSections, type FitSection } from "./fit-sections.js";
import { cutToFit, measureText } from "./measure-text.js";
import { neutralizeMarkup } from "./neutralize-markup.js";
import { oneLine } from "./one-line.js";
import { fitRows, notesSection } from "./render-report.js";
import { renderHeadline } from "./render-headline.js";
import { renderRuleTable } from "./render-rule-table.js";
import { repairMarkdown } from "./repair-markdown.js";
import { sanitizePlainText } from "./sanitize-plain-text.js";
import {
  conclusionText,
  isBlocking,
  isWarning,
  joinNames,
  statusEmoji,
  statusWord,
} from "./status-labels.js";

export const MAX_CHECK_RUN_BYTES = 65535;
export const MAX_CHECK_RUN_TITLE_CHARS = 120;

export interface CheckRunOutput {
  title: string;
  summary: string;
  text: string;
}

const NOTICE =
  "\n_Some details were cut to fit GitHub's check run size limit. Run shipgate locally for the full report._\n";

/** `notes`: the publisher's own, after the verdict's (e.g. annotations left out). */
export function renderCheckRun(verdict: Verdict, notes: readonly string[] = []): CheckRunOutput {
  const top = (rows: number): string =>
    `${renderHeadline(verdict)}\n${renderRuleTable(verdict.rules, rows)}`;
  const budget = MAX_CHECK_RUN_BYTES - measureText(NOTICE, "utf8");
  const summary = fitSections({
    head: fitRows(top, verdict.rules.length, budget, "utf8"),
    sections: notesSection([...verdict.notes, ...notes]),
    notice: NOTICE,
    limit: MAX_CHECK_RUN_BYTES,
    unit: "utf8",
  }).text;
  const text = fitSections({
    head: "",
    sections: verdict.rules.flatMap(ruleSection),
    notice: NOTICE,
    limit: MAX_CHECK_RUN_BYTES,
    unit: "utf8",
  }).text;
  return { title: renderTitle(verdict), summary, text };
}

/** "Not ready to ship: size and coverage failed", "Ready to ship, with warnings: linked-risks". */
export function renderTitle(verdict: Verdict): string {
  const ids = (keep: (rule: RuleResult) => boolean): string =>
    joinNames(verdict.rules.filter(keep).map((rule) => rule.id));
  const headline = conclusionText(verdict.conclusion);
  let title = headline;
  if (verdict.conclusion === "failure") {
    const failed = ids(isBlocking);
    if (failed !== "") title = `${headline}: ${failed} failed`;
  } else if (verdict.conclusion === "neutral") {
    const pending = ids((rule) => rule.status === "pending");
    if (pending !== "") title = `${headline}: ${pending} pending`;
  } else {
    const warned = ids(isWarning);
    if (warned !== "") title = `${headline}, with warnings: ${warned}`;
  }
  const clean = sanitizePlainText(title).replace(/\s+/g, " ");
  if (clean.length <= MAX_CHECK_RUN_TITLE_CHARS) return clean;
  return `${cutToFit(clean, MAX_CHECK_RUN_TITLE_CHARS - 1, "utf16")}…`;
}

function ruleSection(rule: RuleResult): FitSection[] {
  const body = repairMarkdown(neutralizeMarkup(rule.details).trim());
  if (body === "") return [];
  const name = rule.id.replace(/[^a-z0-9-]/gi, "");
  return [
    {
      open: `### ${statusEmoji(rule)} \`${name}\` · ${statusWord(rule)}\n\n${oneLine(rule.summary)}\n\n`,
      body,
      close: "\n\n",
    },
  ];
}
