// While CI has not delivered coverage for the head commit (the App reads it from a workflow's
// artifact), the coverage rule is `pending` and says what it waits for. Pure.
import type { CoverageRuleConfig } from "./config/config-schema.js";
import { conclude } from "./conclude.js";
import { codeSpan } from "./render/escape-markdown.js";
import type { RuleResult, Verdict } from "./types.js";

/** The CI workflow (file name, e.g. `ci.yml`) and the artifact in it that carries coverage. */
export type CoverageArtifact = NonNullable<CoverageRuleConfig["artifact"]>;

export function markCoveragePending(
  verdict: Verdict,
  artifact: CoverageArtifact,
  headSha: string,
): Verdict {
  const rules = verdict.rules.map((rule): RuleResult => {
    if (rule.id !== "coverage" || rule.level === "off") return rule;
    return {
      ...rule,
      status: "pending",
      summary: `Waiting for workflow ${codeSpan(artifact.workflow)} to finish on ${codeSpan(headSha.slice(0, 7))} and upload the artifact ${codeSpan(artifact.name)}`,
      details:
        "shipgate reads coverage from the CI workflow's artifact. This check is completed again when that workflow run finishes.",
      metrics: {
        ...rule.metrics,
        waitingFor: { workflow: artifact.workflow, artifact: artifact.name },
      },
      findings: [],
    };
  });
  return { ...verdict, rules, conclusion: conclude(rules) };
}
