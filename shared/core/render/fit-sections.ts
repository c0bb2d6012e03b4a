// Fits a report into a size limit: the head is always kept, section bodies are cut longest first
// (all down to one common length) and a notice says that the report was truncated.
import { measureText, type SizeUnit } from "./measure-text.js";
import { truncateMarkdown } from "./truncate-markdown.js";

/** A section is kept whole or cut inside its body; `open` and `close` are its frame. */
export interface FitSection {
  open: string;
  body: string;
  close: string;
}

export interface FitRequest {
  head: string;
  sections: readonly FitSection[];
  /** Appended only when something was cut. */
  notice: string;
  limit: number;
  unit: SizeUnit;
}

export interface FitResult {
  text: string;
  truncated: boolean;
}

export function fitSections({ head, sections, notice, limit, unit }: FitRequest): FitResult {
  const whole = head + sections.map((s) => s.open + s.body + s.close).join("");
  if (measureText(whole, unit) <= limit) return { text: whole, truncated: false };

  const frames = sections.reduce((sum, s) => sum + measureText(s.open + s.close, unit), 0);
  const budget = limit - measureText(head + notice, unit) - frames;
  if (budget < 0) {
    // Not even the frames fit (the caller keeps the head small enough for this not to happen).
    return { text: truncateMarkdown(head + notice, limit, unit, ""), truncated: true };
  }
  const lengths = sections.map((s) => measureText(s.body, unit));
  const cap = commonCap(lengths, budget);
  const bodies = sections.map((s, i) =>
    (lengths[i] ?? 0) <= cap ? s.body : truncateMarkdown(s.body, cap, unit),
  );
  const text = head + sections.map((s, i) => s.open + bodies[i] + s.close).join("") + notice;
  return { text, truncated: true };
}

/** The largest cap such that every length, capped, sums to at most `budget`. */
export function commonCap(lengths: readonly number[], budget: number): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  let remaining = budget;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(remaining / (sorted.length - i));
    const length = sorted[i] ?? 0;
    if (length > share) return share;
    remaining -= length;
  }
  return Number.POSITIVE_INFINITY;
}
