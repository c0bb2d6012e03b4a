// Builds a git history of `merges` merged pull requests with git fast-import (seconds, where a
// commit per command would take minutes): GitHub merge commits, every third a squash merge, a
// direct push every seventh, a lockfile in every tenth. Used by the report benchmark and tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const START = Date.parse("2020-01-06T00:00:00Z") / 1000;
const HOUR = 3600;

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function lines(n: number, tag: string): string {
  let text = "";
  for (let i = 1; i <= n; i++) text += `${tag} line ${i}\n`;
  return text;
}

function signature(time: number): string {
  return `Ada Lovelace <ada@example.com> ${time} +0000`;
}

export interface ExpectedPullRequest {
  number: number;
  kind: "merge" | "squash";
  lines: number;
  leadTimeHours: number | null;
}

export interface ReportHistory {
  dir: string;
  expected: ExpectedPullRequest[];
  directPushes: number;
  /** Epoch seconds: before the first commit, and after the last. */
  from: number;
  to: number;
}

/** The fast-import stream, and what a report over it should say. */
export function reportHistoryStream(merges: number) {
  const out: string[] = [];
  const expected: ExpectedPullRequest[] = [];
  let mark = 0;
  let main = 0;
  let time = START;
  let directPushes = 1;
  const commit = (
    ref: string,
    when: number,
    message: string,
    from: number,
    changes: [string, string][],
    merge = 0,
  ): number => {
    mark += 1;
    out.push(`commit ${ref}\nmark :${mark}\n`);
    out.push(`author ${signature(when)}\ncommitter ${signature(when)}\n${data(message)}`);
    if (from) out.push(`from :${from}\n`);
    if (merge) out.push(`merge :${merge}\n`);
    for (const [path, text] of changes) out.push(`M 100644 inline ${path}\n${data(text)}`);
    return mark;
  };
  main = commit("refs/heads/main", time, "Initial commit", 0, [["README.md", "# bench\n"]]);
  for (let n = 1; n <= merges; n++) {
    time += 2 * HOUR;
    const size = (n % 97) + 1;
    const changes: [string, string][] = [[`src/pr${n}.ts`, lines(size, `pr${n}`)]];
    if (n % 10 === 0) changes.push(["package-lock.json", lines(300, `lock${n}`)]);
    if (n % 3 === 0) {
      main = commit("refs/heads/main", time, `Squashed change ${n} (#${n})`, main, changes);
      expected.push({ number: n, kind: "squash", lines: size, leadTimeHours: null });
    } else {
      const started = time - HOUR;
      const branch = commit("refs/heads/topic", started, `Work on ${n}`, main, changes);
      main = commit(
        "refs/heads/main",
        time,
        `Merge pull request #${n} from bench/topic-${n}\n\nChange ${n}`,
        main,
        changes,
        branch,
      );
      expected.push({ number: n, kind: "merge", lines: size, leadTimeHours: 1 });
    }
    if (n % 7 === 0) {
      time += HOUR;
      main = commit("refs/heads/main", time, `Direct push ${n}`, main, [["NOTES.md", `${n}\n`]]);
      directPushes += 1;
    }
  }
  return { stream: out.join(""), expected, directPushes, end: time };
}

/** A new repository holding the history (the initial commit is a direct push). */
export function makeReportHistory(
  merges: number,
  dir = mkdtempSync(join(tmpdir(), "shipgate-report-")),
): ReportHistory {
  const { stream, expected, directPushes, end } = reportHistoryStream(merges);
  execFileSync("git", ["init", "-q", "-b", "main", dir]);
  execFileSync("git", ["-C", dir, "fast-import", "--quiet"], { input: stream, maxBuffer: 1 << 30 });
  execFileSync("git", ["-C", dir, "branch", "-q", "-D", "topic"]);
  return { dir, expected, directPushes, from: START - 1, to: end + 1 };
}
