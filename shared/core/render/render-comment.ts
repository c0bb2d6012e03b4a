// The sticky pull-request comment: found again by its hidden marker, kept within GitHub's
// 65,536-character limit for comment bodies.
import type { Verdict } from "../types.js";
import { renderReport } from "./render-report.js";

/** The hidden first line by which adapters find the comment to edit. */
export const COMMENT_MARKER = "<!-- shipgate:v1 -->";
export const MAX_COMMENT_CHARS = 65536;

export interface CommentOptions {
  /** Notes about the configuration, listed after the verdict's notes. */
  configNotes?: readonly string[];
  /** Where the full report is, said when the comment had to be cut. */
  fullReportHint?: string;
}

const DEFAULT_HINT = "The full report is in the shipgate check run and the job summary.";

export function renderComment(verdict: Verdict, options: CommentOptions = {}): string {
  return renderReport(verdict, {
    marker: COMMENT_MARKER,
    limit: MAX_COMMENT_CHARS,
    unit: "utf16",
    truncatedNotice: `_Some details were cut to fit GitHub's comment size limit. ${options.fullReportHint ?? DEFAULT_HINT}_`,
    configNotes: options.configNotes ?? [],
  });
}
