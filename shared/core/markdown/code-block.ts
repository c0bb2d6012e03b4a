// Wraps text in a fenced code block that nothing inside it can close early.

export function codeBlock(text: string, language = ""): string {
  let longest = 2;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}
