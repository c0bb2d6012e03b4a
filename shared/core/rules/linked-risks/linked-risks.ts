// The linked-risks rule: risks surfaced early. The PR links the item that tracks its risk,
// declares a risk level, and, where the API could look, the linked item is real.
import type { LinkedRisksRuleConfig } from "./schema.js";
import { codeSpan } from "../../render/escape-markdown.js";
import type { RuleStatus } from "../../facts.js";
import { declaredRiskLevel, type DeclaredRiskLevel } from "./declared-risk-level.js";
import {
  findRiskReferences,
  MAX_RISK_REFERENCES,
  type RiskReferences,
} from "./find-risk-references.js";
import { renderLinkedRisksDetails } from "./render-linked-risks-details.js";
import type { Rule } from "../rule.js";
import { verifyLinkedItems, type LinkedItemCheck } from "./verify-linked-items.js";

/** The rule's config plus the top-level `risk` settings it needs. */
export type LinkedRisksConfig = LinkedRisksRuleConfig & {
  /** `risk.levels`, lowest first. */
  levels: string[];
  /** `risk.label-prefix`, e.g. `risk:`. */
  labelPrefix: string;
};

interface Assessment {
  problems: string[];
  notes: string[];
  fixes: string[];
}

function list(values: readonly string[]): string {
  return values.map(codeSpan).join(", ");
}

function assessLinks(
  refs: RiskReferences,
  checks: readonly LinkedItemCheck[],
  config: LinkedRisksConfig,
  verified: boolean,
  out: Assessment,
): void {
  for (const error of refs.errors) {
    out.problems.push("invalid pattern in `rules.linked-risks.patterns`");
    out.fixes.push(error);
  }
  const count = refs.github.length + refs.other.length;
  if (config["require-link"] && count === 0) {
    const patterns =
      config.patterns.length > 0 ? `, or a reference matching ${list(config.patterns)}` : "";
    out.problems.push("no risk link");
    out.fixes.push(
      `Link the item that tracks this change's risk in the description, e.g. \`Risk item: #123\` or the issue's URL${patterns}.`,
    );
  }
  const missing = checks.filter((c) => c.status === "missing").map((c) => c.ref);
  if (missing.length > 0) {
    out.problems.push(`${list(missing)} not found`);
    out.fixes.push(
      `Fix ${list(missing)}: no such issue or pull request, or the gate cannot see it.`,
    );
  }
  const label = config["issue-label"];
  const labelled = checks.some((c) => c.status === "ok" || c.status === "closed");
  const unlabelled = checks.filter((c) => c.status === "unlabelled").map((c) => c.ref);
  // "Fixes #5" may sit next to the risk link: one labelled item (or an outside reference) is enough.
  if (
    label !== null &&
    config["require-link"] &&
    unlabelled.length > 0 &&
    !labelled &&
    refs.other.length === 0
  ) {
    out.problems.push(`no linked item has the label ${codeSpan(label)}`);
    out.fixes.push(
      `Add the label ${codeSpan(label)} to the issue that tracks the risk (${list(unlabelled)}), or link one that has it.`,
    );
  }
  const closed = checks.filter((c) => c.status === "closed").map((c) => c.ref);
  if (closed.length > 0) {
    out.notes.push(`${list(closed)} closed`);
    out.fixes.push(
      `${list(closed)} is closed: if the risk is still open, reopen it or link the item that tracks it now.`,
    );
  }
  if (!verified && refs.github.length > 0) {
    out.fixes.push(
      "GitHub references were not verified here (no GitHub access); the Action and the App check that they exist.",
    );
  }
  if (refs.truncated) out.fixes.push(`Only the first ${MAX_RISK_REFERENCES} references were read.`);
  if (refs.patternsCut) {
    out.fixes.push(
      "The search for `rules.linked-risks.patterns` stopped before the end of the description (its cost is capped): put the reference nearer the top, or use simpler patterns.",
    );
  }
}

function assessLevel(risk: DeclaredRiskLevel, config: LinkedRisksConfig, out: Assessment): void {
  const levels = list(config.levels);
  const example = config.levels[Math.floor(config.levels.length / 2)] ?? "medium";
  const label = config.labelPrefix === "" ? example : `${config.labelPrefix}${example}`;
  if (risk.invalid !== undefined) {
    (config["require-level"] && risk.level === null ? out.problems : out.notes).push(
      `unknown risk level ${codeSpan(risk.invalid)}`,
    );
    out.fixes.push(
      `${codeSpan(risk.invalid)} is not a configured risk level: use one of ${levels}.`,
    );
  } else if (config["require-level"] && risk.level === null) {
    out.problems.push("no risk level");
  }
  if (config["require-level"] && risk.level === null) {
    out.fixes.push(
      `Declare a risk level: add the label ${codeSpan(label)} or a line ${codeSpan(`Risk: ${example}`)} to the description (levels: ${levels}).`,
    );
  }
}

/** Problems first, then what was found: `no risk level; linked \`a/b#1\` (not verified)`. */
function summaryOf(
  out: Assessment,
  refs: RiskReferences,
  verified: boolean,
  risk: DeclaredRiskLevel,
): string {
  const parts = [...new Set([...out.problems, ...out.notes])];
  const refsFound = [...refs.github, ...refs.other];
  if (refsFound.length > 0) {
    const more = refsFound.length > 3 ? ", …" : "";
    const unverified = !verified && refs.github.length > 0 ? " (not verified)" : "";
    parts.push(`linked ${list(refsFound.slice(0, 3))}${more}${unverified}`);
  }
  if (risk.level !== null) parts.push(`risk level ${codeSpan(risk.level)} (from ${risk.source})`);
  return parts.length > 0 ? parts.join("; ") : "no risk link or risk level (neither is required)";
}

export const linkedRisksRule: Rule<"linked-risks", LinkedRisksConfig> = (
  facts,
  config,
  _context,
) => {
  const refs = findRiskReferences(facts.body, config.patterns, facts.repository);
  const risk = declaredRiskLevel(facts, config.levels, config.labelPrefix);
  const verified = facts.linkedItems !== null;
  const checks = verifyLinkedItems(refs.github, facts.linkedItems, config["issue-label"]);
  const out: Assessment = { problems: [], notes: [], fixes: [] };
  assessLinks(refs, checks, config, verified, out);
  assessLevel(risk, config, out);

  const status: RuleStatus =
    out.problems.length > 0 ? "fail" : out.notes.length > 0 ? "warn" : "pass";
  return {
    id: "linked-risks",
    status,
    level: config.level,
    summary: summaryOf(out, refs, verified, risk),
    details: renderLinkedRisksDetails({ checks, other: refs.other, fixes: out.fixes }),
    metrics: {
      references: [...refs.github, ...refs.other],
      verified,
      riskLevel: risk.level,
      riskLevelSource: risk.source,
      invalidRiskLevel: risk.invalid ?? null,
    },
    findings: [],
  };
};
