// Names a pull request's size by its counted lines, like the familiar size/XS..XXL labels.

export type SizeBucket = "XS" | "S" | "M" | "L" | "XL" | "XXL";

const UPPER_BOUNDS: readonly (readonly [SizeBucket, number])[] = [
  ["XS", 10],
  ["S", 30],
  ["M", 100],
  ["L", 500],
  ["XL", 1000],
];

/** XS <= 10, S <= 30, M <= 100, L <= 500, XL <= 1000 counted lines, XXL above. */
export function sizeBucket(lines: number): SizeBucket {
  for (const [bucket, max] of UPPER_BOUNDS) if (lines <= max) return bucket;
  return "XXL";
}
