// Whether the sticky comment may be created: the one decision the Action and the App share, so
// the same verdict gets a comment from both or from neither. An existing comment is always kept
// up to date (an update is never a new notification).
import type { Verdict } from "../types.js";
import { statusTone } from "./status-labels.js";

/** `auto`: create once something needs attention; `always`; `never`: no comment at all. */
export type CommentMode = "auto" | "always" | "never";

export type CommentDecision = "create-or-update" | "update-only" | "none";

export function decideComment(verdict: Verdict, mode: CommentMode): CommentDecision {
  if (mode === "never") return "none";
  if (mode === "always" || needsAttention(verdict)) return "create-or-update";
  return "update-only";
}

/**
 * Something fails or warns, or the verdict carries a note (the config changed in the PR, an
 * override was recorded, the file list was cut): worth a comment. Waiting for CI coverage
 * (pending) is not: the App would otherwise comment on every pull request before its verdict.
 */
export function needsAttention(verdict: Verdict): boolean {
  return (
    verdict.conclusion === "failure" ||
    verdict.notes.length > 0 ||
    verdict.rules.some((rule) => !QUIET.has(statusTone(rule)))
  );
}

const QUIET = new Set(["pass", "skip", "pending"]);
