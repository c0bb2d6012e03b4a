// Lifts overridden rules out of a verdict and decides again. An overridden rule is `skip` (not
// judged), its findings dropped, and the override (who, when, why, which commit) is recorded in
// the summary, metrics and notes. Pure.
import { conclude } from "./conclude.js";
import { codeSpan, escapeMarkdown } from "./render/escape-markdown.js";
import type { RuleId, RuleResult, Verdict } from "./types.js";

/** One accountable override: who lifted which rule, when, why, for which head commit. */
export interface RuleOverride {
  rule: RuleId;
  by: string;
  /** ISO 8601 time the override was accepted. */
  at: string;
  reason: string;
  sha: string;
}

export function applyOverrides(verdict: Verdict, overrides: readonly RuleOverride[]): Verdict {
  if (overrides.length === 0) return verdict;
  // The latest override of a rule wins.
  const byRule = new Map(overrides.map((o) => [o.rule, o]));
  const rules = verdict.rules.map((rule) => {
    const override = byRule.get(rule.id);
    return override && rule.level !== "off" ? overridden(rule, override) : rule;
  });
  const notes = [...byRule.values()].map(
    (o) =>
      `${codeSpan(o.rule)} was overridden by @${escapeMarkdown(o.by)} at ${codeSpan(o.at)} for ${codeSpan(o.sha.slice(0, 7))}: ${escapeMarkdown(o.reason)}`,
  );
  return { ...verdict, conclusion: conclude(rules), rules, notes: [...verdict.notes, ...notes] };
}

function overridden(rule: RuleResult, o: RuleOverride): RuleResult {
  return {
    ...rule,
    status: "skip",
    summary: `Overridden by @${escapeMarkdown(o.by)} (was ${rule.status}): ${escapeMarkdown(o.reason)}`,
    metrics: {
      ...rule.metrics,
      override: { by: o.by, at: o.at, reason: o.reason, sha: o.sha, was: rule.status },
    },
    findings: [],
  };
}
