// Decides, for each required rollout item, whether the section addresses it: a line naming it
// with real content, a ticked checkbox naming it, a label line (`### Rollback`, `Rollback:`)
// followed by content, or `N/A: <reason>` when allowed.
import type { RolloutItem } from "./schema.js";
import { plainLine } from "../../markdown/plain-line.js";
import { readAtxHeading, readBoldHeading } from "../../markdown/read-heading.js";
import { readItemContent, type ItemContent } from "./read-item-content.js";
import { ROLLOUT_KEYWORDS } from "./rollout-keywords.js";

export interface SectionLine {
  text: string;
  /** Copied unchanged from the pull request template: its words are not the author's. */
  fromTemplate: boolean;
}

export type ItemState = "addressed" | "not-applicable" | "missing";

export interface ItemCheck {
  item: RolloutItem;
  state: ItemState;
  /** Why a missing item is missing, when the section says something about it. */
  hint: string | null;
}

const ROLLOUT_ITEMS = Object.keys(ROLLOUT_KEYWORDS) as RolloutItem[];
const RANK: Record<ItemState, number> = { missing: 0, "not-applicable": 1, addressed: 2 };
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function verdictFor(content: ItemContent, allowNa: boolean): Pick<ItemCheck, "state" | "hint"> {
  switch (content.kind) {
    case "content":
      return { state: "addressed", hint: null };
    case "placeholder":
      return { state: "missing", hint: "left as a placeholder (TODO, TBD): describe it" };
    case "label":
      return { state: "missing", hint: "named, but nothing is written under it" };
    case "not-applicable":
      if (!allowNa) return { state: "missing", hint: "N/A is not accepted here: describe it" };
      return content.reason
        ? { state: "not-applicable", hint: null }
        : { state: "missing", hint: "N/A needs a reason, e.g. `N/A: no schema change`" };
  }
}

function isHeadingLine(line: string): boolean {
  const bold = readBoldHeading(line);
  return readAtxHeading(line) !== null || (bold !== null && bold.rest === undefined);
}

export function checkRolloutItems(
  lines: readonly SectionLine[],
  required: readonly RolloutItem[],
  allowNa: boolean,
): ItemCheck[] {
  const checks = new Map<RolloutItem, ItemCheck>(
    required.map((item) => [item, { item, state: "missing", hint: null }]),
  );
  const record = (item: RolloutItem, next: Pick<ItemCheck, "state" | "hint">): void => {
    const check = checks.get(item);
    if (check === undefined) return;
    if (RANK[next.state] > RANK[check.state]) Object.assign(check, next);
    else if (check.state === "missing" && check.hint === null) check.hint = next.hint;
  };
  // Items named by a label line, waiting for the content on the lines below it.
  let pending: RolloutItem[] = [];

  for (const line of lines) {
    const plain = plainLine(line.text);
    if (plain.text === "" || (line.fromTemplate && !HAS_LETTER_OR_DIGIT.test(plain.text))) continue;
    const labels: RolloutItem[] = [];
    // A line that starts with an item's name is that item's line, not content for a label above.
    let startsWithItem = false;
    for (const item of ROLLOUT_ITEMS) {
      const match = ROLLOUT_KEYWORDS[item].exec(plain.text);
      if (match === null) continue;
      const before = plain.text.slice(0, match.index);
      const after = plain.text.slice(match.index + match[0].length);
      const atStart = !HAS_LETTER_OR_DIGIT.test(before);
      startsWithItem ||= atStart;
      if (!checks.has(item)) continue;
      if (plain.checkbox === "ticked" && !line.fromTemplate) {
        record(item, { state: "addressed", hint: null });
        continue;
      }
      // "Rollback: revert" says it after the name; "We revert by hand" around it.
      const content = readItemContent(atStart ? after : `${before} ${after}`);
      if (content.kind === "label") labels.push(item);
      else if (line.fromTemplate) {
        record(item, { state: "missing", hint: "the template's text is unchanged" });
      } else record(item, verdictFor(content, allowNa));
    }
    if (labels.length > 0) {
      for (const item of labels) record(item, verdictFor({ kind: "label" }, allowNa));
      pending = labels;
    } else if (line.fromTemplate) {
      continue;
    } else if (startsWithItem || isHeadingLine(line.text)) {
      pending = [];
    } else {
      const content = readItemContent(plain.text);
      for (const item of pending) record(item, verdictFor(content, allowNa));
      pending = [];
    }
  }
  return [...checks.values()];
}
