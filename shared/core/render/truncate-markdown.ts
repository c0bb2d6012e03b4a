// Cuts markdown to a size budget: at a line end where one is near, never inside a character, and
// repaired afterwards so no code fence or <details> is left open.
import { cutToFit, measureText, type SizeUnit } from "./measure-text.js";
import { repairMarkdown } from "./repair-markdown.js";

export const TRUNCATED_SUFFIX = "\n\n_… truncated_";

/** `markdown` if it fits in `max`, else a repaired prefix followed by `suffix`, within `max`. */
export function truncateMarkdown(
  markdown: string,
  max: number,
  unit: SizeUnit,
  suffix: string = TRUNCATED_SUFFIX,
): string {
  if (measureText(markdown, unit) <= max) return markdown;
  let budget = max - measureText(suffix, unit);
  while (budget > 0) {
    const result = repairMarkdown(cutAtLineEnd(cutToFit(markdown, budget, unit))) + suffix;
    const size = measureText(result, unit);
    if (size <= max) return result;
    // The repair added closers: cut that much more and try again.
    budget -= size - max;
  }
  const bare = suffix.trimStart();
  return measureText(bare, unit) <= max ? bare : "";
}

/** Drops a partial last line when a line end is in the second half of the text. */
function cutAtLineEnd(prefix: string): string {
  const lineEnd = prefix.lastIndexOf("\n");
  const cut = lineEnd >= prefix.length / 2 ? prefix.slice(0, lineEnd) : prefix;
  // A lone trailing backslash would escape whatever the renderer appends next.
  return cut.replace(/(?<!\\)(\\\\)*\\$/, "$1");
}
