// The verdict for a terminal: a line per rule, the details of what failed or warned as plain text,
// then the conclusion. Colour only when asked; user text can never carry escape sequences through.
import type { RuleResult, Verdict } from "../types.js";
import { inlineToText, markdownToText } from "./markdown-to-text.js";
import { joinLines } from "./one-line.js";
import { sanitizePlainText } from "./sanitize-plain-text.js";
import {
  conclusionText,
  describeCounts,
  isBlocking,
  joinNames,
  statusTone,
  statusWord,
  type StatusTone,
} from "./status-labels.js";

export interface TextOptions {
  /** ANSI colour; the CLI passes whether stdout is a TTY. */
  color: boolean;
}

const SYMBOLS: Record<StatusTone, string> = {
  pass: "✔",
  block: "✖",
  warn: "⚠",
  skip: "○",
  pending: "…",
};

const COLORS: Record<StatusTone, [open: string, close: string]> = {
  pass: ["\u001b[32m", "\u001b[39m"],
  block: ["\u001b[31m", "\u001b[39m"],
  warn: ["\u001b[33m", "\u001b[39m"],
  skip: ["\u001b[2m", "\u001b[22m"],
  pending: ["\u001b[36m", "\u001b[39m"],
};
const BOLD: [string, string] = ["\u001b[1m", "\u001b[22m"];

export function renderText(verdict: Verdict, options: TextOptions): string {
  const paint = ([open, close]: [string, string], text: string): string =>
    options.color ? `${open}${text}${close}` : text;
  const ids = verdict.rules.map((rule) => plainLine(rule.id));
  const idWidth = Math.max(0, ...ids.map((id) => [...id].length));
  const wordWidth = Math.max(0, ...verdict.rules.map((rule) => statusWord(rule).length));

  const lines = verdict.rules.map((rule, i) => {
    const tone = statusTone(rule);
    const id = padEnd(ids[i] ?? "", idWidth);
    const word = padEnd(statusWord(rule), wordWidth);
    return `${paint(COLORS[tone], `${SYMBOLS[tone]} ${id}  ${word}`)}  ${plainLine(rule.summary)}`;
  });
  if (lines.length === 0) lines.push("No rules are enabled.");

  for (const rule of verdict.rules.filter(shouldExplain)) {
    const details = plainBlock(rule.details);
    if (details === "") continue;
    const tone = statusTone(rule);
    lines.push(
      "",
      paint(
        COLORS[tone],
        `${SYMBOLS[tone]} ${paint(BOLD, plainLine(rule.id))}: ${statusWord(rule)}`,
      ),
    );
    lines.push(...details.split("\n").map((line) => (line === "" ? "" : `  ${line}`)));
  }

  if (verdict.notes.length > 0) {
    lines.push("", "Notes:", ...verdict.notes.map((note) => `  - ${plainLine(note)}`));
  }
  lines.push("", paint(BOLD, conclusionLine(verdict, paint)));
  return `${lines.join("\n")}\n`;
}

/** Pads to a width in code points, so an accented or CJK name does not shift the columns. */
function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

function shouldExplain(rule: RuleResult): boolean {
  const tone = statusTone(rule);
  return tone === "block" || tone === "warn";
}

function conclusionLine(
  verdict: Verdict,
  paint: (style: [string, string], text: string) => string,
): string {
  const tone: StatusTone =
    verdict.conclusion === "success" ? "pass" : verdict.conclusion === "failure" ? "block" : "warn";
  const because =
    verdict.conclusion === "failure"
      ? joinNames(verdict.rules.filter(isBlocking).map((rule) => plainLine(rule.id)))
      : verdict.conclusion === "neutral"
        ? joinNames(verdict.rules.filter((r) => r.status === "pending").map((r) => plainLine(r.id)))
        : "";
  const reason =
    because === ""
      ? ""
      : ` — ${because} ${verdict.conclusion === "failure" ? "failed" : "pending"}`;
  const facts = [describeCounts(verdict.rules)];
  if (verdict.riskLevel !== null) facts.push(`declared risk: ${plainLine(verdict.riskLevel)}`);
  const counts = facts.filter((fact) => fact !== "").join(" · ");
  const headline = `${SYMBOLS[tone]} shipgate: ${conclusionText(verdict.conclusion).toLowerCase()}${reason}`;
  return `${paint(COLORS[tone], headline)}${counts === "" ? "" : ` (${counts})`}`;
}

/** Markdown from a rule, as one line of plain text safe for a terminal. */
function plainLine(markdown: string): string {
  const flat = joinLines(sanitizePlainText(markdown)).trim();
  return sanitizePlainText(inlineToText(flat));
}

function plainBlock(markdown: string): string {
  return sanitizePlainText(markdownToText(sanitizePlainText(markdown)));
}
