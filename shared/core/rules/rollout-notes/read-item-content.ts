// Reads what a line says about a rollout item once the item's name is taken away: nothing
// (a label such as `Rollback:`), a placeholder (`TODO`), `N/A` with or without a reason, or
// real content.
import { hasWords } from "../../markdown/count-words.js";

export type ItemContent =
  | { kind: "label" }
  | { kind: "placeholder" }
  | { kind: "not-applicable"; reason: boolean }
  | { kind: "content" };

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SEPARATORS = new Set([
  " ",
  "\t",
  ":",
  ";",
  ",",
  ".",
  "=",
  "|",
  "-",
  "\u2013",
  "\u2014",
  "(",
  ")",
]);
const NOT_APPLICABLE = /^(?:n\/a|n\.a\.?|na|not applicable)(?![\p{L}\p{N}])/iu;
const BARE_NO = /^(?:none|no|nope)[\s.!]*$/i;

function skipSeparators(text: string): string {
  let start = 0;
  while (start < text.length && SEPARATORS.has(text[start] as string)) start += 1;
  return text.slice(start);
}

/** `text` is what the line says besides the item's name, markup already removed. */
export function readItemContent(text: string): ItemContent {
  const core = skipSeparators(text);
  if (!HAS_LETTER_OR_DIGIT.test(core)) return { kind: "label" };
  const na = NOT_APPLICABLE.exec(core);
  if (na !== null) return { kind: "not-applicable", reason: hasWords(core.slice(na[0].length)) };
  if (!hasWords(core)) return { kind: "placeholder" };
  if (BARE_NO.test(core)) return { kind: "not-applicable", reason: false };
  return { kind: "content" };
}
