// The rollout-notes rule: controlled releases with a way back. The PR body needs a Rollout
// section that addresses the configured items (rollback, monitoring, ...) in the author's words.
import type { RolloutItem, RolloutNotesRuleConfig } from "./schema.js";
import { codeSpan } from "../../render/escape-markdown.js";
import type { RuleOutcome } from "../../facts.js";
import { checkRolloutItems, type SectionLine } from "./check-rollout-items.js";
import { countWords } from "../../markdown/count-words.js";
import { createTemplateMatcher } from "../../markdown/create-template-matcher.js";
import { findSection } from "../../markdown/find-section.js";
import { renderRolloutDetails } from "./render-rollout-details.js";
import { rolloutApplies } from "./rollout-applies.js";
import { ROLLOUT_ITEM_NAMES } from "./rollout-keywords.js";
import type { Rule } from "../rule.js";
import { stripCodeBlocks } from "../../markdown/strip-code.js";
import { stripHtmlComments } from "../../markdown/strip-html-comments.js";
import { stripInvisible } from "../../markdown/strip-invisible.js";

function result(
  config: RolloutNotesRuleConfig,
  fields: Pick<RuleOutcome<"rollout-notes">, "status" | "summary" | "details" | "metrics">,
): RuleOutcome<"rollout-notes"> {
  return { id: "rollout-notes", level: config.level, findings: [], ...fields };
}

function itemNames(items: readonly RolloutItem[]): string {
  return items.map((item) => ROLLOUT_ITEM_NAMES[item]).join(", ");
}

export const rolloutNotesRule: Rule<"rollout-notes", RolloutNotesRuleConfig> = (
  facts,
  config,
  context,
) => {
  const { applies, reason } = rolloutApplies(facts, config.when, context.riskLevel);
  const name = codeSpan(config.section[0] ?? "Rollout");
  if (!applies) {
    return result(config, {
      status: "skip",
      summary: `Not required: ${reason}`,
      details: "",
      metrics: { applies: false, sectionFound: false, missing: [], words: 0 },
    });
  }

  // Examples in code blocks (e.g. shipgate's own suggested section, pasted) are not answers.
  const section = findSection(stripCodeBlocks(stripHtmlComments(facts.body)), config.section);
  if (section === null) {
    const required = config.require.length > 0 ? ` (required: ${itemNames(config.require)})` : "";
    return result(config, {
      status: "fail",
      summary: `No ${name} section in the description${required}`,
      details: renderRolloutDetails({ config, reason, heading: null, checks: [], words: 0 }),
      metrics: { applies: true, sectionFound: false, missing: [...config.require], words: 0 },
    });
  }

  const isTemplate = createTemplateMatcher(facts.pullRequestTemplate);
  // Only what a reader sees counts: not link targets, images or reference definitions.
  const visible = stripInvisible(section.lines.join("\n")).split("\n");
  const lines: SectionLine[] = section.lines.map((text, i) => ({
    text: visible[i] ?? "",
    fromTemplate: isTemplate(text),
  }));
  const words = lines.reduce(
    (sum, line) => sum + (line.fromTemplate ? 0 : countWords(line.text)),
    0,
  );
  const checks = checkRolloutItems(lines, config.require, config["allow-na"]);
  const missing = checks.filter((check) => check.state === "missing").map((check) => check.item);
  const minWords = config["min-words"];
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing ${itemNames(missing)}`);
  if (words < minWords) problems.push(`${words} of at least ${minWords} words`);
  const addressed = checks.length > 0 ? `addresses ${itemNames(config.require)}, ` : "";
  return result(config, {
    status: problems.length > 0 ? "fail" : "pass",
    summary:
      problems.length > 0
        ? `${name} section incomplete: ${problems.join("; ")}`
        : `${name} section ${addressed}${words} words (at least ${minWords})`,
    details:
      problems.length > 0
        ? renderRolloutDetails({ config, reason, heading: section.heading, checks, words })
        : "",
    metrics: {
      applies: true,
      sectionFound: true,
      missing,
      words,
      notApplicable: checks.filter((c) => c.state === "not-applicable").map((c) => c.item),
    },
  });
};
