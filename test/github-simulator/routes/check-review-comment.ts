// GitHub's rules for placing a review comment: the path must be in the pull request and the
// line (and start_line) must lie inside the file's diff hunks on the chosen side.
import type { PrFile } from "../types.js";

export interface DraftComment {
  path: string;
  body: string;
  line?: number;
  start_line?: number;
  side?: "LEFT" | "RIGHT";
  start_side?: "LEFT" | "RIGHT";
  position?: number;
}

/** The error GitHub would list for this comment, or undefined when it can be placed. */
export function checkReviewComment(
  comment: DraftComment,
  files: readonly PrFile[],
): string | undefined {
  const file = files.find((f) => f.filename === comment.path);
  if (!file) return "Path could not be resolved";
  if (comment.line === undefined) {
    if (comment.position === undefined) return "Position or line is required";
    return comment.position >= 1 && comment.position <= file.positions
      ? undefined
      : "Position could not be resolved";
  }
  const lines = (comment.side ?? "RIGHT") === "RIGHT" ? file.right : file.left;
  if (!lines.has(comment.line)) return "Line could not be resolved";
  if (comment.start_line === undefined) return undefined;
  const startSide = comment.start_side ?? comment.side ?? "RIGHT";
  const startLines = startSide === "RIGHT" ? file.right : file.left;
  if (!startLines.has(comment.start_line)) return "Start line could not be resolved";
  if (startSide === (comment.side ?? "RIGHT")) {
    if (comment.start_line >= comment.line) return "start_line must precede the end line";
    // A multi-line comment must stay within one hunk: every line between must be in the diff.
    for (let n = comment.start_line; n < comment.line; n++) {
      if (!lines.has(n)) return "Start line could not be resolved";
    }
  }
  return undefined;
}
