// The Actions job summary (GITHUB_STEP_SUMMARY): the comment's report without the hidden marker,
// kept within the 1 MiB a step may write.
import type { Verdict } from "../types.js";
import { renderReport } from "./render-report.js";

export const MAX_SUMMARY_BYTES = 1024 * 1024;

export interface SummaryOptions {
  configNotes?: readonly string[];
}

export function renderSummary(verdict: Verdict, options: SummaryOptions = {}): string {
  return renderReport(verdict, {
    marker: null,
    limit: MAX_SUMMARY_BYTES,
    unit: "utf8",
    truncatedNotice:
      "_Some details were cut to fit GitHub's 1 MiB job summary limit. Run shipgate locally for the full report._",
    configNotes: options.configNotes ?? [],
  });
}
