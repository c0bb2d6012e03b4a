// Reads one line as a markdown heading: ATX (`## Rollout`), a setext underline (`---`), or a
// line in bold (`**Rollout**`, `__Rollout:__`), which many templates use as a heading.
// Hand-written scans rather than regular expressions: lines can be megabytes long.

export interface AtxHeading {
  level: number;
  text: string;
}

function skipIndent(line: string): number {
  let i = 0;
  while (i < 3 && line[i] === " ") i += 1;
  return i;
}

export function readAtxHeading(line: string): AtxHeading | null {
  const at = skipIndent(line);
  let level = 0;
  while (line[at + level] === "#") level += 1;
  if (level < 1 || level > 6) return null;
  const after = line[at + level];
  if (after !== undefined && after !== " " && after !== "\t") return null;
  const text = line.slice(at + level).trim();
  // An optional closing sequence of #s, preceded by a space: `## Rollout ##`.
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end -= 1;
  if (end === 0) return { level, text: "" };
  const spaced = text[end - 1] === " " || text[end - 1] === "\t";
  return { level, text: end < text.length && spaced ? text.slice(0, end).trimEnd() : text };
}

/** 1 for `===`, 2 for `---` (up to 3 spaces of indent, trailing spaces allowed), else null. */
export function readSetextUnderline(line: string): 1 | 2 | null {
  const at = skipIndent(line);
  const char = line[at];
  if (char !== "=" && char !== "-") return null;
  let end = at;
  while (line[end] === char) end += 1;
  if (line.slice(end).trim() !== "") return null;
  return char === "=" ? 1 : 2;
}

export interface BoldHeading {
  text: string;
  /** Text after the bold part (`**Rollout:** canary first`); absent when the line is all bold. */
  rest?: string;
}

/** `**Text**`, `**Text:**`, `**Text**:`, or a bold label followed by text. */
export function readBoldHeading(line: string): BoldHeading | null {
  const trimmed = line.trim();
  const marker = trimmed.slice(0, 2);
  if (marker !== "**" && marker !== "__") return null;
  const close = trimmed.indexOf(marker, 2);
  if (close < 0) return null;
  const text = trimmed.slice(2, close).trim();
  if (text === "") return null;
  const rest = trimmed.slice(close + 2).trim();
  if (rest === "" || rest === ":") return { text };
  return { text, rest: rest.startsWith(":") ? rest.slice(1).trim() : rest };
}
