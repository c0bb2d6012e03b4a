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

/** The characters `\s` matches in JavaScript regular expressions. */
function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Words with a letter or digit that are not placeholders; stops counting at `limit`.
 * A hand-written scan: a regex over a hostile 10 MB token can exhaust V8's backtrack stack.
 */
export function countWords(text: string, limit = Infinity): number {
  let count = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const atSpace = i === text.length || isSpace(text.charCodeAt(i));
    if (!atSpace) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && isWord(text.slice(start, i))) count += 1;
    start = -1;
    if (count >= limit) break;
  }
  return count;
}

/** True when the text has at least one word that is not a placeholder. */
export function hasWords(text: string): boolean {
  return countWords(text, 1) > 0;
}
