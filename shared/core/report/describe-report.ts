// Words and figures the markdown and HTML reports share, so both say the same thing.
import type { SizeBucket } from "../rules/size/size-bucket.js";
import type { DeliveryReport } from "./report-types.js";

/** The size buckets' ranges in counted lines (shared/core/rules/size-bucket.ts). */
export const BUCKET_RANGES: Record<SizeBucket, string> = {
  XS: "up to 10 lines",
  S: "11–30 lines",
  M: "31–100 lines",
  L: "101–500 lines",
  XL: "501–1,000 lines",
  XXL: "over 1,000 lines",
};

/** Longest title shown, in characters; the JSON keeps the whole title. */
export const MAX_TITLE_CHARS = 100;

export function formatHours(hours: number | null): string {
  if (hours === null) return "–";
  if (hours < 48) return `${formatNumber(hours)} h`;
  return `${formatNumber(Math.round((hours / 24) * 10) / 10)} d`;
}

export function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** `2024-01-01 to 2024-01-31`: `to` is exclusive, so the last day shown is the one before. */
export function periodLabel(period: DeliveryReport["period"]): string {
  const last = new Date(Date.parse(period.to) - 1).toISOString().slice(0, 10);
  return `${period.from.slice(0, 10)} to ${last}`;
}

export function shortTitle(title: string): string {
  const line = title.replace(/\s+/g, " ").trim();
  return line.length <= MAX_TITLE_CHARS ? line : `${line.slice(0, MAX_TITLE_CHARS - 1)}…`;
}

/** One sentence on what was merged, plain text. */
export function headline(report: DeliveryReport): string {
  const { counts, leadTime } = report.metrics;
  const merged = `${plural(counts.pullRequests, "pull request")} merged (${plural(counts.mergeCommits, "merge commit")}, ${plural(counts.squashMerges, "squash merge")})`;
  const others = `, plus ${plural(counts.otherMerges, "other merge")} and ${plural(counts.directPushes, "direct push", "direct pushes")}`;
  const lead =
    leadTime.medianHours === null
      ? ""
      : `. Lead time: median ${formatHours(leadTime.medianHours)}, p90 ${formatHours(leadTime.p90Hours)} (${plural(leadTime.count, "pull request")})`;
  return `${merged}${others}${lead}.`;
}

/** Why some lead times are missing or partial; null when nothing needs saying. */
export function leadTimeCaveat(report: DeliveryReport): string | null {
  const squashes = report.pullRequests.filter((pr) => pr.kind === "squash");
  if (squashes.length === 0) return null;
  const unknown = squashes.filter((pr) => pr.leadTimeHours === null).length;
  const partial = squashes.length - unknown;
  const parts = [
    "A squash merge keeps none of the pull request's commits, so git cannot tell when its work began.",
  ];
  if (unknown > 0)
    parts.push(
      `${plural(unknown, "squash merge")} ${unknown === 1 ? "has" : "have"} no lead time.`,
    );
  if (partial > 0) {
    parts.push(
      `For ${plural(partial, "squash merge")} the commit kept an earlier author date; lead time is counted from it, a lower bound.`,
    );
  }
  return parts.join(" ");
}
