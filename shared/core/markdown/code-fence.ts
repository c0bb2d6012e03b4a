// Recognises fenced code blocks (``` or ~~~) line by line, so headings and references inside
// code are not taken for real ones.

export interface CodeFence {
  char: "`" | "~";
  length: number;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < 3 && line[i] === " ") i += 1;
  return i;
}

function runLength(line: string, from: number, char: string): number {
  let end = from;
  while (line[end] === char) end += 1;
  return end - from;
}

/** The fence a line opens (up to 3 spaces, then 3+ backticks or tildes), or null. */
export function openCodeFence(line: string): CodeFence | null {
  const at = indentOf(line);
  const char = line[at];
  if (char !== "`" && char !== "~") return null;
  const length = runLength(line, at, char);
  if (length < 3) return null;
  // A backtick fence's info string may not contain backticks (it would be inline code).
  if (char === "`" && line.indexOf("`", at + length) >= 0) return null;
  return { char, length };
}

/** True when the line closes `fence`: the same character, at least as many, nothing after. */
export function closesCodeFence(line: string, fence: CodeFence): boolean {
  const at = indentOf(line);
  const length = runLength(line, at, fence.char);
  return length >= fence.length && line.slice(at + length).trim() === "";
}
