// How rule results decide the gate, in one place: evaluate uses it, and so does everything that
// changes a rule's status afterwards (overrides, pending coverage), so the verdict cannot drift.
import type { Conclusion, RuleResult } from "./types.js";

/** A blocking failure fails; otherwise a blocking pending rule waits (neutral); else success. */
export function conclude(results: readonly RuleResult[]): Conclusion {
  const blocking = results.filter((r) => r.level === "block");
  if (blocking.some((r) => r.status === "fail")) return "failure";
  if (blocking.some((r) => r.status === "pending")) return "neutral";
  return "success";
}
