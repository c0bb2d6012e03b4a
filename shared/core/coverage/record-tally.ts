// Counts the line records a parser used and the ones it skipped. Parsers tolerate noise: a record
// they cannot use is skipped and counted, and the first reason is kept for the user.
import { CoverageParseError } from "./coverage-parse-error.js";

export interface RecordTally {
  /** A line record was read. */
  use(): void;
  /** A record could not be used; `line` is its line in the report, when the format has lines. */
  skip(detail: string, line?: number): void;
  readonly counts: RecordCounts;
}

export interface RecordCounts {
  recordsUsed: number;
  recordsSkipped: number;
  /** Why the first skipped record was skipped, with its position: enough to find the rest. */
  firstSkipped: string | null;
}

export function createRecordTally(source: string): RecordTally {
  const counts: RecordCounts = { recordsUsed: 0, recordsSkipped: 0, firstSkipped: null };
  return {
    use() {
      counts.recordsUsed += 1;
    },
    skip(detail, line) {
      counts.recordsSkipped += 1;
      counts.firstSkipped ??= new CoverageParseError(source, detail, line).message;
    },
    counts,
  };
}
