// A copy-pasteable rollout section for the author, listing the items the config requires.
import type { RolloutItem } from "./schema.js";
import { codeBlock } from "../../markdown/code-block.js";
import { ROLLOUT_ITEM_NAMES } from "./rollout-keywords.js";

const EXAMPLES: Record<RolloutItem, string> = {
  plan: "deploy to staging, then canary to 10% of traffic for an hour, then 100%.",
  rollback: "revert this pull request and redeploy; the schema change is backwards compatible.",
  flag: "`new-checkout`, off by default; turning it off is the kill switch.",
  monitoring: "watch the checkout error-rate dashboard and the p99 latency alert for an hour.",
};

const ORDER: readonly RolloutItem[] = ["plan", "rollback", "flag", "monitoring"];

export function renderRolloutExample(section: string, required: readonly RolloutItem[]): string {
  // eslint-disable-next-line no-control-regex
  const heading = section.replace(/[\u0000-\u001f\u007f]/g, " ");
  const items = ORDER.filter((item) => required.includes(item));
  const lines = (items.length > 0 ? items : (["plan"] as const)).map(
    (item) => `- ${ROLLOUT_ITEM_NAMES[item]}: ${EXAMPLES[item]}`,
  );
  return codeBlock([`## ${heading}`, "", ...lines].join("\n"), "markdown");
}
