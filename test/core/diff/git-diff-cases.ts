// The diff cases every parser test runs against real git: a change, the flags, what it means.
import type { ChangedFile } from "../../../shared/core/types.js";
import type { DiffOptions, RepoChange } from "./git-repo.js";

export function file(overrides: Partial<ChangedFile> & Pick<ChangedFile, "path">): ChangedFile {
  return {
    status: "modified",
    binary: false,
    additions: 0,
    deletions: 0,
    addedLines: [],
    ...overrides,
  };
}

/** `lines(1, 3)` -> "line 1\nline 2\nline 3\n". */
function lines(from: number, to: number): string {
  let text = "";
  for (let n = from; n <= to; n += 1) text += `line ${n}\n`;
  return text;
}

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]);
const png2 = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 4, 5, 6, 7]);
const executable = (content: string) => ({ content, executable: true }) as const;

export interface GitDiffCase {
  name: string;
  change: RepoChange;
  options?: DiffOptions;
  expected: ChangedFile[];
}

export const gitDiffCases: GitDiffCase[] = [
  {
    name: "an added file",
    change: { base: {}, head: { "src/a.ts": "one\ntwo\n" } },
    expected: [file({ path: "src/a.ts", status: "added", additions: 2, addedLines: [1, 2] })],
  },
  {
    name: "a modified file: one line changed, one appended",
    change: {
      base: { "m.txt": lines(1, 8) },
      head: { "m.txt": lines(1, 8).replace("line 3", "three") + "nine\n" },
    },
    expected: [file({ path: "m.txt", additions: 2, deletions: 1, addedLines: [3, 9] })],
  },
  {
    name: "changes far apart make two hunks",
    change: {
      base: { "far.txt": lines(1, 40) },
      head: { "far.txt": lines(1, 40).replace("line 2\n", "").replace("line 30", "thirty") },
    },
    expected: [file({ path: "far.txt", additions: 1, deletions: 2, addedLines: [29] })],
  },
  {
    name: "a deleted file: path is the old path",
    change: { base: { "gone.txt": "a\nb\n" }, head: { "gone.txt": null } },
    expected: [file({ path: "gone.txt", status: "deleted", deletions: 2 })],
  },
  {
    name: "a rename without edits (similarity 100%, no hunks)",
    change: {
      base: { "old.txt": lines(1, 5) },
      head: { "old.txt": null, "new/place.txt": lines(1, 5) },
    },
    expected: [file({ path: "new/place.txt", previousPath: "old.txt", status: "renamed" })],
  },
  {
    name: "a rename with edits",
    change: {
      base: { "old.txt": lines(1, 10) },
      head: { "old.txt": null, "new.txt": lines(1, 9) + "ten\n" },
    },
    expected: [
      file({
        path: "new.txt",
        previousPath: "old.txt",
        status: "renamed",
        additions: 1,
        deletions: 1,
        addedLines: [10],
      }),
    ],
  },
  {
    name: "a copy of an unchanged file (--find-copies-harder)",
    change: { base: { "src.txt": lines(1, 10) }, head: { "dst.txt": lines(1, 10) } },
    options: { args: ["--find-copies-harder"] },
    expected: [file({ path: "dst.txt", previousPath: "src.txt", status: "copied" })],
  },
  {
    name: "a copy with edits of a file that also changed (-C)",
    change: {
      base: { "src.txt": lines(1, 10) },
      head: { "src.txt": lines(1, 11), "dst.txt": "first\n" + lines(2, 10) },
    },
    expected: [
      file({
        path: "dst.txt",
        previousPath: "src.txt",
        status: "copied",
        additions: 1,
        deletions: 1,
        addedLines: [1],
      }),
      file({ path: "src.txt", additions: 1, addedLines: [11] }),
    ],
  },
  {
    name: "an added binary file",
    change: { base: {}, head: { "img.png": png } },
    expected: [file({ path: "img.png", status: "added", binary: true })],
  },
  {
    name: "a modified binary file",
    change: { base: { "img.png": png }, head: { "img.png": png2 } },
    expected: [file({ path: "img.png", binary: true })],
  },
  {
    name: "a GIT binary patch, then a text file",
    change: { base: { "a.bin": png, "b.txt": "x\n" }, head: { "a.bin": png2, "b.txt": "y\n" } },
    options: { args: ["--binary"] },
    expected: [
      file({ path: "a.bin", binary: true }),
      file({ path: "b.txt", additions: 1, deletions: 1, addedLines: [1] }),
    ],
  },
  {
    name: "a deleted binary file as a GIT binary patch",
    change: { base: { "a.bin": png, "z.txt": "z\n" }, head: { "a.bin": null, "z.txt": "zz\n" } },
    options: { args: ["--binary"] },
    expected: [
      file({ path: "a.bin", status: "deleted", binary: true }),
      file({ path: "z.txt", additions: 1, deletions: 1, addedLines: [1] }),
    ],
  },
  {
    name: "a mode-only change",
    change: { base: { "run.sh": "echo hi\n" }, head: { "run.sh": executable("echo hi\n") } },
    expected: [file({ path: "run.sh", status: "mode-only" })],
  },
  {
    name: "a mode change with edits",
    change: { base: { "run.sh": "echo hi\n" }, head: { "run.sh": executable("echo bye\n") } },
    expected: [file({ path: "run.sh", additions: 1, deletions: 1, addedLines: [1] })],
  },
  {
    name: "the last line changed, no newline at end on either side",
    change: { base: { "n.txt": "a\nb" }, head: { "n.txt": "a\nc" } },
    expected: [file({ path: "n.txt", additions: 1, deletions: 1, addedLines: [2] })],
  },
  {
    name: "a newline added at end of file",
    change: { base: { "n.txt": "a\nb" }, head: { "n.txt": "a\nb\n" } },
    expected: [file({ path: "n.txt", additions: 1, deletions: 1, addedLines: [2] })],
  },
  {
    name: "a newline removed at end of file, then a line deleted",
    change: { base: { "n.txt": "a\nb\nc\n" }, head: { "n.txt": "a\nb" } },
    expected: [file({ path: "n.txt", additions: 1, deletions: 2, addedLines: [2] })],
  },
  {
    name: "CRLF file contents",
    change: { base: { "w.txt": "a\r\nb\r\nc\r\n" }, head: { "w.txt": "a\r\nB\r\nc\r\nd\r\n" } },
    expected: [file({ path: "w.txt", additions: 2, deletions: 1, addedLines: [2, 4] })],
  },
  {
    name: "an added empty file (no hunks)",
    change: { base: {}, head: { "empty.txt": "" } },
    expected: [file({ path: "empty.txt", status: "added" })],
  },
  {
    name: "a unicode path, quoted with octal bytes by git",
    change: { base: { "docs/tést.txt": "x\n" }, head: { "docs/tést.txt": "y\n" } },
    expected: [file({ path: "docs/tést.txt", additions: 1, deletions: 1, addedLines: [1] })],
  },
  {
    name: "a unicode path, unquoted (core.quotePath=false)",
    change: { base: { "docs/tést.txt": "x\n" }, head: { "docs/tést.txt": "y\n" } },
    options: { config: ["core.quotePath=false"] },
    expected: [file({ path: "docs/tést.txt", additions: 1, deletions: 1, addedLines: [1] })],
  },
  {
    name: "a unicode rename with edits",
    change: {
      base: { "ファイル.txt": lines(1, 6) },
      head: { "ファイル.txt": null, "файл 😀.txt": lines(1, 5) + "six\n" },
    },
    expected: [
      file({
        path: "файл 😀.txt",
        previousPath: "ファイル.txt",
        status: "renamed",
        additions: 1,
        deletions: 1,
        addedLines: [6],
      }),
    ],
  },
  {
    name: "a path with spaces, modified",
    change: { base: { "my dir/my file.txt": "a\n" }, head: { "my dir/my file.txt": "a\nb\n" } },
    expected: [file({ path: "my dir/my file.txt", additions: 1, addedLines: [2] })],
  },
  {
    name: "a path with spaces and ' b/' in it, binary (named only by the diff --git line)",
    change: { base: {}, head: { "x b/y z.png": png } },
    expected: [file({ path: "x b/y z.png", status: "added", binary: true })],
  },
  {
    name: "a path with spaces, mode-only",
    change: {
      base: { "my dir/run it.sh": "x\n" },
      head: { "my dir/run it.sh": executable("x\n") },
    },
    expected: [file({ path: "my dir/run it.sh", status: "mode-only" })],
  },
  {
    name: "a rename between paths with spaces, no edits",
    change: {
      base: { "a b/c d.txt": lines(1, 5) },
      head: { "a b/c d.txt": null, "e f/g h.txt": lines(1, 5) },
    },
    expected: [file({ path: "e f/g h.txt", previousPath: "a b/c d.txt", status: "renamed" })],
  },
  {
    name: "paths with a quote, a backslash, a tab and a newline",
    change: {
      base: {},
      head: {
        'say "hi".txt': "1\n",
        "back\\slash.txt": "2\n",
        "tab\there.txt": "3\n",
        "new\nline.png": png,
      },
    },
    expected: [
      file({ path: "back\\slash.txt", status: "added", additions: 1, addedLines: [1] }),
      file({ path: "new\nline.png", status: "added", binary: true }),
      file({ path: 'say "hi".txt', status: "added", additions: 1, addedLines: [1] }),
      file({ path: "tab\there.txt", status: "added", additions: 1, addedLines: [1] }),
    ],
  },
  {
    name: "content lines that look like diff syntax",
    change: {
      base: { "tricky.txt": "--- a/x\n+++ b/x\nkeep\n", "z.txt": "z\n" },
      head: {
        "tricky.txt":
          "++ plus\n-- minus\nkeep\n--- a/y\n+++ b/y\n@@ -1 +1 @@\ndiff --git a/q b/q\n\\ slash\n",
        "z.txt": "zz\n",
      },
    },
    expected: [
      file({ path: "tricky.txt", additions: 7, deletions: 2, addedLines: [1, 2, 4, 5, 6, 7, 8] }),
      file({ path: "z.txt", additions: 1, deletions: 1, addedLines: [1] }),
    ],
  },
  {
    name: "no changes at all",
    change: { base: { "a.txt": "a\n" }, head: {} },
    expected: [],
  },
];
