// The gate's decision: facts and config in, a deterministic Verdict out. Pure.
import { applyOverrides, type RuleOverride } from "./apply-overrides.js";
import { capBody, MAX_BODY_CHARS } from "./cap-body.js";
import { conclude } from "./conclude.js";
import { applyRiskLevel } from "./config/apply-risk-level.js";
import type { Config } from "./config/config-schema.js";
import { createExclusion } from "./exclude/create-exclusion.js";
import { markCoveragePending, type CoverageArtifact } from "./mark-coverage-pending.js";
import { declaredRiskLevel } from "./rules/linked-risks/declared-risk-level.js";
import { codeSpan } from "./render/escape-markdown.js";
import { RULES } from "./rules/rule-definitions.js";
import type { Rule, RuleContext } from "./rules/rule.js";
import type { PullRequestFacts, RuleId, RuleResult, Verdict } from "./types.js";

/**
 * What only some adapters know (the App): inputs that change rule results after the rules ran.
 * Without them, every adapter gets the same verdict from the same facts and config.
 */
export interface EvaluateOptions {
  /** Coverage comes from this CI artifact, which has not arrived for the head commit yet. */
  coveragePending?: CoverageArtifact | null;
  /** Rules lifted by someone accountable; the latest override of a rule wins. */
  overrides?: readonly RuleOverride[];
}

export function evaluate(
  given: PullRequestFacts,
  config: Config,
  options: EvaluateOptions = {},
): Verdict {
  // The one place the body is capped: every rule reads the capped body.
  const facts = { ...given, body: capBody(given.body) };
  const risk = declaredRiskLevel(facts, config.risk.levels, config.risk["label-prefix"]);
  const rules = applyRiskLevel(config, risk.level);
  const exclusion = createExclusion(facts.gitattributes, []);
  const context: RuleContext = {
    riskLevel: risk.level,
    isGenerated: (path) => exclusion(path) !== null,
    risk: { levels: config.risk.levels, labelPrefix: config.risk["label-prefix"] },
  };

  const results: RuleResult[] = RULES.map(({ id, run }) => {
    // Each definition's run takes its own settings; the schema gave rules[id] exactly that shape.
    const settings = rules[id] as { level: RuleResult["level"] };
    const level = settings.level;
    if (level === "off") {
      return {
        id,
        status: "skip",
        level,
        summary: "Off in the configuration",
        details: "",
        metrics: {},
        findings: [],
      };
    }
    return (run as Rule<RuleId, unknown>)(facts, settings, context);
  });

  const verdict: Verdict = {
    version: 1,
    conclusion: conclude(results),
    riskLevel: risk.level,
    rules: results,
    notes: notesFor(facts, given.body.length, risk.invalid),
  };
  // Pending first: an override of coverage lifts a pending rule too.
  const pending = options.coveragePending
    ? markCoveragePending(verdict, options.coveragePending, facts.head.sha)
    : verdict;
  return applyOverrides(pending, options.overrides ?? []);
}

function notesFor(
  facts: PullRequestFacts,
  bodyLength: number,
  invalidRisk: string | undefined,
): string[] {
  const notes: string[] = [];
  if (bodyLength > facts.body.length) {
    notes.push(
      `The description is ${bodyLength.toLocaleString("en-US")} characters long; GitHub keeps at most ${MAX_BODY_CHARS.toLocaleString("en-US")}, so only the first ${facts.body.length.toLocaleString("en-US")} were read.`,
    );
  }
  if (facts.configChanged) {
    notes.push(
      "This pull request changes the shipgate configuration. The change is not applied to this pull request: it is judged by the configuration of its base branch.",
    );
  }
  if (facts.filesTruncated) {
    notes.push(
      "GitHub lists at most 3,000 changed files; this pull request has more, so the figures cover only part of it.",
    );
  }
  if (invalidRisk !== undefined) {
    notes.push(
      `The declared risk level ${codeSpan(invalidRisk)} is not one of the configured levels.`,
    );
  }
  return notes;
}
