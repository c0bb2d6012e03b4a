// Reads the risk level a pull request declares: a label (`risk:high`) or a line in the body
// (`Risk: high`, `Risk level: high`, `**Risk:** high`). A label wins over the body.
import type { PullRequestFacts } from "../../facts.js";
import { createTemplateMatcher } from "../../markdown/create-template-matcher.js";
import { splitLines } from "../../markdown/split-lines.js";
import { stripCode } from "../../markdown/strip-code.js";
import { stripHtmlComments } from "../../markdown/strip-html-comments.js";

export interface DeclaredRiskLevel {
  /** As spelled in the configured levels, or null when none is validly declared. */
  level: string | null;
  source: "label" | "body" | null;
  /** A declared value that is not one of the configured levels, as written. */
  invalid?: string;
}

const LEAD = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:#{1,6}\s+)?/;
const RISK_LINE = /^risk(?:[ -]?level)?[ \t]{0,8}:/i;
const OPENERS = new Set(['"', "'", "(", "[", "{"]);
const CLOSERS = new Set(['"', "'", ")", "]", "}", ".", ",", ";", "!"]);

/** `[high]` -> `high`, `"high".` -> `high`. A loop: an anchored-at-end regex is quadratic. */
function trimValue(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && OPENERS.has(token[start] as string)) start += 1;
  while (end > start && CLOSERS.has(token[end - 1] as string)) end -= 1;
  return token.slice(start, end);
}

/** The value of a `Risk: <value>` line, or null when the line is not one. */
function readRiskLine(line: string): string | null {
  const text = line.replace(LEAD, "").replace(/\*|__/g, "");
  const match = RISK_LINE.exec(text);
  if (match === null) return null;
  const rest = text.slice(match[0].length).trim();
  const space = rest.search(/\s/);
  const value = trimValue(space < 0 ? rest : rest.slice(0, space));
  const after = space < 0 ? "" : rest.slice(space).trim();
  // `Risk: low / medium / high` lists the choices; it declares nothing.
  if (value === "" || value.includes("/") || after.startsWith("/") || after.startsWith("|")) {
    return null;
  }
  return value;
}

function findLevel(levels: readonly string[], value: string): string | null {
  const wanted = value.toLowerCase();
  return levels.find((level) => level.toLowerCase() === wanted) ?? null;
}

function fromLabels(labels: readonly string[], levels: readonly string[], prefix: string) {
  const lowerPrefix = prefix.toLowerCase();
  const values = labels
    .filter((label) => label.toLowerCase().startsWith(lowerPrefix))
    .map((label) => label.slice(prefix.length).trim())
    .filter((value) => value !== "");
  // Several valid labels: the highest wins (levels are listed from lowest to highest).
  const valid = values.map((value) => findLevel(levels, value)).filter((l) => l !== null);
  const level = [...levels].reverse().find((l) => valid.includes(l)) ?? null;
  // With an empty prefix every label would be a candidate: only levels count, nothing is invalid.
  const invalid = prefix === "" ? undefined : values.find((v) => findLevel(levels, v) === null);
  return { level, invalid };
}

function fromBody(
  facts: Pick<PullRequestFacts, "body" | "pullRequestTemplate">,
  levels: readonly string[],
) {
  const isTemplate = createTemplateMatcher(facts.pullRequestTemplate);
  let invalid: string | undefined;
  for (const line of splitLines(stripCode(stripHtmlComments(facts.body)))) {
    const value = readRiskLine(line);
    if (value === null || isTemplate(line)) continue;
    const level = findLevel(levels, value);
    if (level !== null) return { level, invalid };
    invalid ??= value;
  }
  return { level: null, invalid };
}

/** Lines in code, in HTML comments, or copied unchanged from the PR template declare nothing. */
export function declaredRiskLevel(
  facts: Pick<PullRequestFacts, "labels" | "body" | "pullRequestTemplate">,
  levels: readonly string[],
  labelPrefix: string,
): DeclaredRiskLevel {
  const label = fromLabels(facts.labels, levels, labelPrefix);
  const invalidLabel = label.invalid === undefined ? {} : { invalid: label.invalid };
  if (label.level !== null) return { level: label.level, source: "label", ...invalidLabel };
  const body = fromBody(facts, levels);
  const invalid = label.invalid ?? body.invalid;
  return {
    level: body.level,
    source: body.level === null ? null : "body",
    ...(invalid === undefined ? {} : { invalid }),
  };
}
