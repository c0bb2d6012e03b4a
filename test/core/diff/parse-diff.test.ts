import { readFileSync } from "node:fs";
import { parseDiff } from "../../../shared/core/diff/parse-diff.js";
import { file, gitDiffCases } from "./git-diff-cases.js";
import { gitDiff } from "./git-repo.js";

const contexts = [
  { label: "default context", args: [] },
  { label: "-U0", args: ["-U0"] },
];
const table = gitDiffCases.flatMap((c) => contexts.map((context) => ({ ...c, context })));

describe("parseDiff on real git output", () => {
  it.each(table)("$name ($context.label)", ({ change, options, context, expected }) => {
    const diff = gitDiff(change, { ...options, args: [...(options?.args ?? []), ...context.args] });

    expect(parseDiff(diff)).toEqual(expected);
    // The same diff after a trip through a CRLF-converting tool reads the same.
    expect(parseDiff(diff.replace(/\n/g, "\r\n"))).toEqual(expected);
  });
});

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/diff/${name}`, import.meta.url), "utf8");

describe("parseDiff on other inputs", () => {
  it.each(["", "\n", "not a diff\n", "diff"])("reads %j as no files", (text) => {
    expect(parseDiff(text)).toEqual([]);
  });

  it("skips the mail headers, message and signature of `git format-patch` output", () => {
    expect(parseDiff(fixture("format-patch.patch"))).toEqual([
      file({ path: "notes.md", additions: 2, deletions: 1, addedLines: [2, 3] }),
      file({ path: "src/new.ts", status: "added", additions: 1, addedLines: [1] }),
    ]);
  });

  it("reads plain `diff -u` output, including a `--- /dev/null` header", () => {
    expect(parseDiff(fixture("plain-unified.diff"))).toEqual([
      file({ path: "new/config.ini", additions: 2, deletions: 1, addedLines: [2, 4] }),
      file({ path: "created.txt", status: "added", additions: 2, addedLines: [1, 2] }),
    ]);
  });
});
