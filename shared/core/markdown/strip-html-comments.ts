// Removes HTML comments, which GitHub does not render: template hints must not count as
// content, and a heading or a reference inside a comment is not there for the reader.

const OPEN = "<!--";
const CLOSE = "-->";

/**
 * Removes every `<!-- ... -->`, across lines too. An unterminated comment runs to the end of
 * the text. `<!-->` and `<!--->` are (empty) comments, as in HTML. Linear in the text length.
 */
export function stripHtmlComments(text: string): string {
  let start = text.indexOf(OPEN);
  if (start < 0) return text;
  const parts: string[] = [];
  let from = 0;
  while (start >= 0) {
    parts.push(text.slice(from, start));
    const end = text.indexOf(CLOSE, start + 2);
    if (end < 0) return parts.join("");
    from = end + CLOSE.length;
    start = text.indexOf(OPEN, from);
  }
  parts.push(text.slice(from));
  return parts.join("");
}
