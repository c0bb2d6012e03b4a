// How a rule result and a conclusion are named and counted, shared by every renderer so the
// comment, the check run and the terminal always say the same thing.
import type { Conclusion, RuleResult } from "../types.js";

/** A failure that fails the gate. */
export function isBlocking(result: RuleResult): boolean {
  return result.status === "fail" && result.level === "block";
}

/** Something the author should look at that does not fail the gate. */
export function isWarning(result: RuleResult): boolean {
  return result.status === "warn" || (result.status === "fail" && result.level !== "block");
}

export type StatusTone = "pass" | "block" | "warn" | "skip" | "pending";

export function statusTone(result: RuleResult): StatusTone {
  if (isBlocking(result)) return "block";
  if (isWarning(result)) return "warn";
  return result.status === "pass" ? "pass" : result.status === "pending" ? "pending" : "skip";
}

const EMOJI: Record<StatusTone, string> = {
  pass: "✅",
  block: "❌",
  warn: "⚠️",
  skip: "➖",
  pending: "⏳",
};

export function statusEmoji(result: RuleResult): string {
  return EMOJI[statusTone(result)];
}

/** "fail", "fail (not blocking)", "warn", "pass", "skipped", "off", "pending". */
export function statusWord(result: RuleResult): string {
  switch (result.status) {
    case "fail":
      return result.level === "block" ? "fail" : "fail (not blocking)";
    case "skip":
      return result.level === "off" ? "off" : "skipped";
    default:
      return result.status;
  }
}

export function conclusionEmoji(conclusion: Conclusion): string {
  return conclusion === "success" ? "✅" : conclusion === "failure" ? "❌" : "⚠️";
}

/** "Ready to ship", "Not ready to ship", "Not decided yet" (a blocking rule is pending). */
export function conclusionText(conclusion: Conclusion): string {
  return conclusion === "success"
    ? "Ready to ship"
    : conclusion === "failure"
      ? "Not ready to ship"
      : "Not decided yet";
}

/** "1 blocking failure · 2 warnings · 1 passed"; only the counts that are not zero. */
export function describeCounts(rules: readonly RuleResult[]): string {
  const count = (tone: StatusTone): number => rules.filter((r) => statusTone(r) === tone).length;
  const parts: [number, string, string][] = [
    [count("block"), "blocking failure", "blocking failures"],
    [count("warn"), "warning", "warnings"],
    [count("pending"), "pending", "pending"],
    [count("pass"), "passed", "passed"],
    [count("skip"), "skipped", "skipped"],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
    .join(" · ");
}

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
