// Decides whether the rollout-notes rule applies to a pull request: always, or when a changed
// path, a label or the declared risk level matches the `when` conditions.
import type { RolloutNotesRuleConfig } from "./schema.js";
import { createGlobMatcher } from "../../exclude/match-glob.js";
import { codeSpan } from "../../render/escape-markdown.js";
import type { PullRequestFacts } from "../../facts.js";

export interface RolloutApplicability {
  applies: boolean;
  /** Markdown: why it applies ("Required here because <reason>."), or why not. */
  reason: string;
}

function includesIgnoringCase(list: readonly string[], value: string): boolean {
  const wanted = value.toLowerCase();
  return list.some((entry) => entry.toLowerCase() === wanted);
}

/** A renamed file matches by either path: moving a migration is a migration change. */
export function rolloutApplies(
  facts: PullRequestFacts,
  when: RolloutNotesRuleConfig["when"],
  riskLevel: string | null,
): RolloutApplicability {
  if (when === "always")
    return { applies: true, reason: "the configuration asks for it on every pull request" };
  const matches = createGlobMatcher(when.paths);
  const file = facts.files.find(
    (f) => matches(f.path) || (f.previousPath !== undefined && matches(f.previousPath)),
  );
  if (file !== undefined) {
    return { applies: true, reason: `${codeSpan(file.path)} matches \`when.paths\`` };
  }
  const label = facts.labels.find((l) => includesIgnoringCase(when.labels, l));
  if (label !== undefined)
    return { applies: true, reason: `the pull request is labelled ${codeSpan(label)}` };
  if (riskLevel !== null && includesIgnoringCase(when.risk, riskLevel)) {
    return { applies: true, reason: `the declared risk level is ${codeSpan(riskLevel)}` };
  }
  const why: string[] = [];
  if (when.paths.length > 0) why.push("no changed file matches `when.paths`");
  if (when.labels.length > 0) why.push("no label in `when.labels`");
  if (when.risk.length > 0) {
    const level =
      riskLevel === null ? "no risk level declared" : `risk level ${codeSpan(riskLevel)}`;
    why.push(`${level}, not in \`when.risk\``);
  }
  if (why.length === 0) why.push("`when` has no conditions");
  return { applies: false, reason: why.join("; ") };
}
