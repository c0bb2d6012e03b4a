// Groups line numbers into ranges ("12-14, 20") for messages and line findings.

export interface LineRange {
  start: number;
  end: number;
}

/**
 * Groups `lines` into ranges. Without `universe`, a range is a run of consecutive integers.
 * With `universe` (the sorted lines that count, e.g. every executable line of a file), two
 * lines join when nothing in `universe` lies between them: lines outside it, such as blank
 * lines or comments, do not break a range.
 */
export function toLineRanges(lines: readonly number[], universe?: readonly number[]): LineRange[] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const position = new Map<number, number>();
  if (universe !== undefined) {
    [...new Set([...universe, ...sorted])]
      .sort((a, b) => a - b)
      .forEach((line, index) => position.set(line, index));
  }
  const rank = (line: number): number => position.get(line) ?? line;

  const ranges: LineRange[] = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && rank(line) === rank(last.end) + 1) {
      last.end = line;
    } else {
      ranges.push({ start: line, end: line });
    }
  }
  return ranges;
}

/** `12-14, 20` */
export function formatLineRanges(ranges: readonly LineRange[]): string {
  return ranges
    .map(({ start, end }) => (start === end ? `${start}` : `${start}-${end}`))
    .join(", ");
}
