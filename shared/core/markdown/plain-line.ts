// Reduces a markdown line to its words for keyword matching: no quote, list or heading
// markers, no emphasis, no `<placeholder>` tags; says whether it was a ticked checkbox.

export interface PlainLine {
  text: string;
  checkbox: "ticked" | "unticked" | null;
}

const LEAD = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?/;
const CHECKBOX = /^\[([ xX])\]\s*/;
const HEADING_MARK = /^#{1,6}\s+/;

/** Removes `<describe the plan>`-style tags (a `<` directly followed by a letter). Linear. */
function removeTags(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let open = text.indexOf("<"); open >= 0; open = text.indexOf("<", from)) {
    if (!/[A-Za-z]/.test(text[open + 1] ?? "")) {
      parts.push(text.slice(from, open + 1));
      from = open + 1;
      continue;
    }
    const close = text.indexOf(">", open);
    if (close < 0) break;
    parts.push(text.slice(from, open), " ");
    from = close + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

export function plainLine(line: string): PlainLine {
  let text = line.replace(LEAD, "");
  const box = CHECKBOX.exec(text);
  if (box !== null) text = text.slice(box[0].length);
  text = text.replace(HEADING_MARK, "").replace(/[*`~]|__/g, "");
  return {
    text: removeTags(text).trim(),
    checkbox: box === null ? null : box[1] === " " ? "unticked" : "ticked",
  };
}
