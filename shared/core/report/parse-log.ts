// Reads `git log -z --format=<LOG_FORMAT>` output as it streams, one commit at a time.
import type { MainlineCommit } from "./build-delivery-report.js";

/** Hash, parents, author and committer dates (epoch seconds), subject, body; unit separators. */
export const LOG_FORMAT = "%H%x1f%P%x1f%at%x1f%ct%x1f%s%x1f%b";

export interface LogReader {
  push: (chunk: string) => void;
  end: () => void;
}

export function createLogReader(onCommit: (commit: MainlineCommit) => void): LogReader {
  let pending = "";
  const take = (record: string): void => {
    // Only the body may hold a unit separator: it is last, so split the first five.
    const fields: string[] = [];
    let start = 0;
    for (let i = 0; i < 5; i += 1) {
      const end = record.indexOf("\x1f", start);
      if (end === -1)
        throw new Error(`unexpected git log record: ${JSON.stringify(record.slice(0, 80))}`);
      fields.push(record.slice(start, end));
      start = end + 1;
    }
    const [sha = "", parents = "", authorTime = "", commitTime = "", subject = ""] = fields;
    onCommit({
      sha: sha.trim(),
      parents: parents === "" ? [] : parents.split(" "),
      authorTime: Number(authorTime),
      commitTime: Number(commitTime),
      subject,
      body: record.slice(start).trim(),
    });
  };
  return {
    push: (chunk) => {
      const records = (pending + chunk).split("\0");
      pending = records.pop() as string;
      for (const record of records) if (record.trim() !== "") take(record);
    },
    end: () => {
      if (pending.trim() !== "") take(pending);
      pending = "";
    },
  };
}
