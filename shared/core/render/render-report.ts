// The full markdown report behind the sticky comment and the job summary: headline, rule table,
// a folded section per rule that did not pass, notes; cut to the output's size limit.
import type { RuleResult, Verdict } from "../types.js";
import { fitSections, type FitSection } from "./fit-sections.js";
import { measureText, type SizeUnit } from "./measure-text.js";
import { neutralizeMarkup } from "./neutralize-markup.js";
import { oneLine } from "./one-line.js";
import { renderHeadline } from "./render-headline.js";
import { renderRuleTable } from "./render-rule-table.js";
import { repairMarkdown } from "./repair-markdown.js";
import { statusEmoji, statusTone, statusWord } from "./status-labels.js";

export interface ReportOptions {
  /** A hidden first line, or null. */
  marker: string | null;
  limit: number;
  unit: SizeUnit;
  /** Says, when the report had to be cut, that it was and where to see it in full. */
  truncatedNotice: string;
  /** Notes from the adapter about the configuration, listed after the verdict's notes. */
  configNotes?: readonly string[];
}

export function renderReport(verdict: Verdict, options: ReportOptions): string {
  const notice = `\n${oneLine(options.truncatedNotice)}\n`;
  const top = (rows: number): string =>
    `${options.marker === null ? "" : `${options.marker}\n`}${renderHeadline(verdict)}\n${renderRuleTable(verdict.rules, rows)}`;
  const sections = [
    ...verdict.rules.filter((rule) => statusTone(rule) !== "pass").flatMap(detailsSection),
    ...notesSection([...verdict.notes, ...(options.configNotes ?? [])]),
  ];
  const head = fitRows(
    top,
    verdict.rules.length,
    options.limit - measureText(notice, options.unit),
    options.unit,
  );
  return fitSections({ head, sections, notice, limit: options.limit, unit: options.unit }).text;
}

/** A rule's details folded under its name; open when it blocks. */
export function detailsSection(rule: RuleResult): FitSection[] {
  const body = repairMarkdown(neutralizeMarkup(rule.details).trim());
  if (body === "") return [];
  const open = statusTone(rule) === "block" ? " open" : "";
  const name = rule.id.replace(/[^a-z0-9-]/gi, "");
  return [
    {
      open: `\n<details${open}>\n<summary>${statusEmoji(rule)} <code>${name}</code> · ${statusWord(rule)}</summary>\n\n`,
      body,
      close: "\n\n</details>\n",
    },
  ];
}

export function notesSection(notes: readonly string[]): FitSection[] {
  if (notes.length === 0) return [];
  const body = notes.map((note) => `- ${oneLine(note)}`).join("\n");
  return [{ open: "\n**Notes**\n\n", body, close: "\n" }];
}

/** The head with as many table rows as fit in `budget` (all of them unless rules are absurdly many). */
export function fitRows(
  render: (rows: number) => string,
  total: number,
  budget: number,
  unit: SizeUnit,
): string {
  const fits = (rows: number): boolean => measureText(render(rows), unit) <= budget;
  if (fits(total)) return render(total);
  let low = 0;
  let high = total;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return render(low);
}
