// Turns the text of `git diff --no-color --no-ext-diff -M -C --src-prefix=a/ --dst-prefix=b/
// base...head` (any -U) into changed files. Plain `diff -u` output is read too.
import type { ChangedFile, FileStatus } from "../types.js";
import { emptyTally, parseHunkHeader, readHunks, type HunkTally } from "./read-hunks.js";
import { readHeaderPath, splitDiffGitLine } from "./read-header-path.js";
import { splitLines, type TextLines } from "./text-lines.js";
import { unquoteGitPath } from "./unquote-git-path.js";

interface FileHeader {
  oldPath: string | null;
  newPath: string | null;
  renameFrom?: string;
  renameTo?: string;
  copyFrom?: string;
  copyTo?: string;
  created: boolean;
  deleted: boolean;
  modeChanged: boolean;
  binary: boolean;
}

/** A `\r` before the `\n` is part of a content line, but only noise on a header line. */
function stripCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

function newHeader(oldPath: string | null, newPath: string | null): FileHeader {
  return { oldPath, newPath, created: false, deleted: false, modeChanged: false, binary: false };
}

/** Applies one extended header line (`new file mode`, `rename from`, `---`, ...) to `header`. */
function readHeaderLine(line: string, header: FileHeader): void {
  if (line.startsWith("--- ")) {
    const path = readHeaderPath(line.slice(4), "a/");
    if (path === null) header.created = true;
    else header.oldPath = path;
  } else if (line.startsWith("+++ ")) {
    const path = readHeaderPath(line.slice(4), "b/");
    if (path === null) header.deleted = true;
    else header.newPath = path;
  } else if (line.startsWith("new file mode ")) header.created = true;
  else if (line.startsWith("deleted file mode ")) header.deleted = true;
  else if (line.startsWith("old mode ") || line.startsWith("new mode ")) header.modeChanged = true;
  else if (line.startsWith("rename from ")) header.renameFrom = unquoteGitPath(line.slice(12));
  else if (line.startsWith("rename to ")) header.renameTo = unquoteGitPath(line.slice(10));
  else if (line.startsWith("copy from ")) header.copyFrom = unquoteGitPath(line.slice(10));
  else if (line.startsWith("copy to ")) header.copyTo = unquoteGitPath(line.slice(8));
  else if (line.startsWith("Binary files ") || line === "GIT binary patch") header.binary = true;
  // `index`, `similarity index`, `dissimilarity index` and unknown lines say nothing we need.
}

function statusOf(header: FileHeader, hasHunks: boolean): FileStatus {
  if (header.renameFrom !== undefined || header.renameTo !== undefined) return "renamed";
  if (header.copyFrom !== undefined || header.copyTo !== undefined) return "copied";
  if (header.created) return "added";
  if (header.deleted) return "deleted";
  return header.modeChanged && !hasHunks && !header.binary ? "mode-only" : "modified";
}

function toChangedFile(header: FileHeader, tally: HunkTally, hasHunks: boolean): ChangedFile {
  const status = statusOf(header, hasHunks);
  const oldPath = header.renameFrom ?? header.copyFrom ?? header.oldPath ?? "";
  const newPath = header.renameTo ?? header.copyTo ?? header.newPath ?? oldPath;
  const moved = status === "renamed" || status === "copied";
  return {
    path: status === "deleted" ? oldPath : newPath,
    ...(moved ? { previousPath: oldPath } : {}),
    status,
    binary: header.binary,
    additions: tally.additions,
    deletions: tally.deletions,
    addedLines: tally.addedLines,
  };
}

/** Reads one `diff --git` section starting at line `start`; returns the index after it. */
function readGitSection(lines: TextLines, start: number, files: ChangedFile[]): number {
  const paths = splitDiffGitLine(stripCr(lines.line(start)).slice("diff --git ".length));
  const header = newHeader(paths.oldPath, paths.newPath);
  let i = start + 1;
  let inBinaryPatch = false;
  while (i < lines.count) {
    if (lines.startsWith(i, "diff --git ") || lines.startsWith(i, "@@ ")) break;
    // Base85 lines of a binary patch are opaque; only the next section header ends them.
    if (!inBinaryPatch) {
      const line = stripCr(lines.line(i));
      readHeaderLine(line, header);
      inBinaryPatch = line === "GIT binary patch";
    }
    i += 1;
  }
  const tally = emptyTally();
  const end = readHunks(lines, i, tally);
  files.push(toChangedFile(header, tally, end > i));
  return end;
}

/** Reads a header-less `--- old` / `+++ new` / `@@` section (plain `diff -u`). */
function readPlainSection(lines: TextLines, start: number, files: ChangedFile[]): number {
  const header = newHeader(null, null);
  readHeaderLine(stripCr(lines.line(start)), header);
  readHeaderLine(stripCr(lines.line(start + 1)), header);
  const tally = emptyTally();
  const end = readHunks(lines, start + 2, tally);
  files.push(toChangedFile(header, tally, true));
  return end;
}

function startsPlainSection(lines: TextLines, i: number): boolean {
  return (
    lines.startsWith(i, "--- ") &&
    i + 2 < lines.count &&
    lines.startsWith(i + 1, "+++ ") &&
    parseHunkHeader(lines.line(i + 2)) !== null
  );
}

/** Parses a whole diff; text before the first section (e.g. a commit message) is skipped. */
export function parseDiff(text: string): ChangedFile[] {
  const lines = splitLines(text);
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < lines.count) {
    if (lines.startsWith(i, "diff --git ")) i = readGitSection(lines, i, files);
    else if (startsPlainSection(lines, i)) i = readPlainSection(lines, i, files);
    else i += 1;
  }
  return files;
}
