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
  if (sorted.length === 0) return [];
  // Two neighbours in `sorted` join when nothing in `universe` lies strictly between them.
  const between = universe === undefined ? null : [...universe].sort((a, b) => a - b);
  let next = 0;
  const ranges: LineRange[] = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    let joins: boolean;
    if (last === undefined) joins = false;
    else if (between === null) joins = line === last.end + 1;
    else {
      while (next < between.length && (between[next] ?? 0) <= last.end) next += 1;
      joins = next === between.length || (between[next] ?? 0) >= line;
    }
    if (joins && last !== undefined) last.end = line;
    else ranges.push({ start: line, end: line });
  }
  return ranges;
}

/** `12-14, 20` */
export function formatLineRanges(ranges: readonly LineRange[]): string {
  return ranges
    .map(({ start, end }) => (start === end ? `${start}` : `${start}-${end}`))
    .join(", ");
}
