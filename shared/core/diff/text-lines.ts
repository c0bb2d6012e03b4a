// The lines of a text, as `text.split("\n")` would give them, without copying them: a diff of
// thousands of files is mostly content lines that are only counted, never read as strings.

export interface TextLines {
  /** How many lines (`text.split("\n").length`). */
  readonly count: number;
  /** Line `i`, copied out (for the few lines that are read). */
  line(i: number): string;
  /** The length of line `i`. */
  lengthOf(i: number): number;
  /** The code of the first character of line `i`, or -1 when the line is empty. */
  firstCode(i: number): number;
  /** Whether line `i` starts with `prefix` (which holds no newline). */
  startsWith(i: number, prefix: string): boolean;
}

export function splitLines(text: string): TextLines {
  // starts[i] is where line i begins; line i ends one character before starts[i + 1].
  const starts: number[] = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  const count = starts.length;
  const startOf = (i: number): number => starts[i] as number;
  const endOf = (i: number): number =>
    i + 1 < count ? (starts[i + 1] as number) - 1 : text.length;
  return {
    count,
    line: (i) => text.slice(startOf(i), endOf(i)),
    lengthOf: (i) => endOf(i) - startOf(i),
    firstCode: (i) => (endOf(i) > startOf(i) ? text.charCodeAt(startOf(i)) : -1),
    startsWith: (i, prefix) =>
      endOf(i) - startOf(i) >= prefix.length && text.startsWith(prefix, startOf(i)),
  };
}
