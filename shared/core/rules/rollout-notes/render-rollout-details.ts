// The rollout-notes rule's advice: what the section lacks and a section to copy.
import type { RolloutNotesRuleConfig } from "./schema.js";
import { codeSpan } from "../../render/escape-markdown.js";
import type { ItemCheck } from "./check-rollout-items.js";
import { renderRolloutExample } from "./rollout-example.js";
import { ROLLOUT_ITEM_NAMES } from "./rollout-keywords.js";

export interface RolloutDetailsInput {
  config: RolloutNotesRuleConfig;
  /** Why the rule applies (markdown). */
  reason: string;
  /** The heading found, or null when there is no section. */
  heading: string | null;
  checks: readonly ItemCheck[];
  words: number;
}

const STATE_TEXT: Record<ItemCheck["state"], string> = {
  addressed: "addressed",
  "not-applicable": "not applicable (with a reason)",
  missing: "missing",
};

function headingNames(config: RolloutNotesRuleConfig): string {
  return config.section.map(codeSpan).join(" or ");
}

export function renderRolloutDetails(input: RolloutDetailsInput): string {
  const { config, checks } = input;
  const blocks: string[] = [`Required here because ${input.reason}.`];
  if (input.heading === null) {
    blocks.push(
      `Add a section to the pull request description under a heading named ${headingNames(config)} (a \`##\` heading or a bold line), for example:`,
    );
  } else {
    const items = checks.map((check) => {
      const hint = check.state === "missing" && check.hint !== null ? `: ${check.hint}` : "";
      return `- ${ROLLOUT_ITEM_NAMES[check.item]}: ${STATE_TEXT[check.state]}${hint}`;
    });
    const minWords = config["min-words"];
    const words =
      input.words < minWords
        ? `- Content: ${input.words} of at least ${minWords} words written by you (text left from the template and HTML comments do not count)`
        : `- Content: ${input.words} words`;
    blocks.push([`Found the section ${codeSpan(input.heading)}:`, "", ...items, words].join("\n"));
    blocks.push(
      "Address each item on a line that names it and says how, e.g. `Rollback: revert and redeploy`, or tick a checkbox that names it. For example:",
    );
  }
  blocks.push(renderRolloutExample(config.section[0] ?? "Rollout", config.require));
  if (config["allow-na"] && config.require.length > 0) {
    blocks.push(
      "An item that does not apply can say so with a reason: `Feature flag: N/A: docs only`.",
    );
  }
  return blocks.join("\n\n");
}
