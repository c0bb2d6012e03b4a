// Counts the words of real content in a piece of markdown: placeholders such as TODO or TBD,
// bare punctuation (`-`, `...`) and checkbox marks (`[x]`) are not content.

const PLACEHOLDERS = new Set(["todo", "tbd", "tba", "tbc", "fixme", "xxx", "wip", "placeholder"]);
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function isWord(token: string): boolean {
  if (!HAS_LETTER_OR_DIGIT.test(token) || token === "[x]" || token === "[X]") return false;
  // Only short tokens can be placeholders; skip the work for long ones.
  if (token.length > 16) return true;
  return !PLACEHOLDERS.has(token.replace(EDGE_PUNCTUATION, "").toLowerCase());
}

/** Words with a letter or digit that are not placeholders; stops counting at `limit`. */
export function countWords(text: string, limit = Infinity): number {
  let count = 0;
  for (const match of text.matchAll(/\S+/g)) {
    if (isWord(match[0])) count += 1;
    if (count >= limit) break;
  }
  return count;
}

/** True when the text has at least one word that is not a placeholder. */
export function hasWords(text: string): boolean {
  return countWords(text, 1) > 0;
}
