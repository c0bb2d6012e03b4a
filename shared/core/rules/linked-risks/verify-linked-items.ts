// Checks the GitHub items a pull request references against what the adapter learned from the
// API: does each exist, is it open, does it carry the risk label.
import type { LinkedItemFacts } from "../../facts.js";

export type LinkedItemStatus = "ok" | "unverified" | "missing" | "closed" | "unlabelled";

export interface LinkedItemCheck {
  ref: string;
  status: LinkedItemStatus;
  item: LinkedItemFacts | null;
}

function hasLabel(item: LinkedItemFacts, label: string): boolean {
  const wanted = label.toLowerCase();
  return (item.labels ?? []).some((l) => l.toLowerCase() === wanted);
}

/**
 * `linkedItems` null: nobody could look (the CLI), so every reference is unverified. An item the
 * adapter did not report is unverified too, not missing: only `exists: false` proves absence.
 */
export function verifyLinkedItems(
  refs: readonly string[],
  linkedItems: readonly LinkedItemFacts[] | null,
  issueLabel: string | null,
): LinkedItemCheck[] {
  const byRef = new Map((linkedItems ?? []).map((item) => [item.ref.toLowerCase(), item]));
  return refs.map((ref) => {
    const item = byRef.get(ref.toLowerCase()) ?? null;
    if (item === null) return { ref, status: "unverified", item };
    if (!item.exists) return { ref, status: "missing", item };
    if (issueLabel !== null && !hasLabel(item, issueLabel))
      return { ref, status: "unlabelled", item };
    return { ref, status: item.state === "closed" ? "closed" : "ok", item };
  });
}
