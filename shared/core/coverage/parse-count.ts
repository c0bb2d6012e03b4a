// Strict number reading for report fields: line numbers and hit counts must be plain integers.

/** Source files never have more lines than this; larger "line numbers" are garbage. */
export const MAX_LINE_NUMBER = 2_147_483_647;

const DIGITS = /^\d+$/;

/** A line number (1 or more), or an explanation of why `text` is not one. */
export function readLineNumber(text: string | undefined): number | string {
  if (text === undefined || text.trim() === "") return "has no line number";
  const trimmed = text.trim();
  if (!DIGITS.test(trimmed))
    return `has line number "${clip(trimmed)}", which is not a whole number`;
  const value = Number(trimmed);
  if (value < 1 || value > MAX_LINE_NUMBER) return `has line number ${clip(trimmed)}, out of range`;
  return value;
}

/** A hit count (0 or more, exact in a double), or an explanation of why `text` is not one. */
export function readHitCount(text: string | undefined, what = "hit count"): number | string {
  if (text === undefined || text.trim() === "") return `has no ${what}`;
  const trimmed = text.trim();
  if (!DIGITS.test(trimmed)) {
    return `has ${what} "${clip(trimmed)}", which is not a whole number of 0 or more`;
  }
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) return `has ${what} ${clip(trimmed)}, too large to be real`;
  return value;
}

/** Same rule for counts that arrive as JSON numbers (Istanbul). */
export function checkHitCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** Quotes user text in messages without letting a huge field flood them. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
