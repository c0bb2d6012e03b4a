// The sticky pull-request comment: found again by its hidden marker, kept within GitHub's
// 65,536-character limit for comment bodies, an adapter's hidden trailer included.
import type { Verdict } from "../types.js";
import { measureText } from "./measure-text.js";
import { renderReport } from "./render-report.js";

/** The hidden first line by which adapters find the comment to edit. */
export const COMMENT_MARKER = "<!-- shipgate:v1 -->";
export const MAX_COMMENT_CHARS = 65536;
/** A trailer may take a third of the comment (every rule overridden, worst-case reasons); the
 * report needs the rest. */
export const MAX_TRAILER_CHARS = Math.floor(MAX_COMMENT_CHARS / 3);

export interface CommentOptions {
  /** Notes about the configuration, listed after the verdict's notes. */
  configNotes?: readonly string[];
  /** Where the full report is, said when the comment had to be cut. */
  fullReportHint?: string;
  /**
   * Text kept whole at the very end, after a blank line (the App's hidden state marker). It
   * counts against the limit: the report is cut to make room for it. Trusted: not escaped.
   */
  trailer?: string;
}

const DEFAULT_HINT = "The full report is in the shipgate check run and the job summary.";
const TRAILER_SEPARATOR = "\n\n";

export function renderComment(verdict: Verdict, options: CommentOptions = {}): string {
  const trailer = options.trailer ?? "";
  const size = measureText(trailer, "utf16");
  if (size > MAX_TRAILER_CHARS) {
    // A programming error (the App's state is bounded well below this), not a user's.
    throw new RangeError(
      `comment trailer is ${size} characters; at most ${MAX_TRAILER_CHARS} fit beside the report`,
    );
  }
  const reserved = trailer === "" ? 0 : measureText(TRAILER_SEPARATOR, "utf16") + size;
  const report = renderReport(verdict, {
    marker: COMMENT_MARKER,
    limit: MAX_COMMENT_CHARS - reserved,
    unit: "utf16",
    truncatedNotice: `_Some details were cut to fit GitHub's comment size limit. ${options.fullReportHint ?? DEFAULT_HINT}_`,
    configNotes: options.configNotes ?? [],
  });
  return trailer === "" ? report : `${report.trimEnd()}${TRAILER_SEPARATOR}${trailer}`;
}
