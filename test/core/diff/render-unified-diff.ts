// Test helper: renders an edit script as a git-style unified diff, so property tests can check the
// parser against counts known by construction, with any context size.

export type EditKind = "keep" | "delete" | "add";

export interface Edit {
  kind: EditKind;
  text: string;
}

export interface ScriptedFile {
  path: string;
  edits: Edit[];
  /** Add `\ No newline at end of file` after the last line, when a hunk reaches it. */
  noNewlineAtEnd: boolean;
}

const PREFIX: Record<EditKind, string> = { keep: " ", delete: "-", add: "+" };

/** What the parser should find, derived from the edit script alone. */
export function expectedTally(edits: readonly Edit[]): {
  additions: number;
  deletions: number;
  addedLines: number[];
} {
  const addedLines: number[] = [];
  let newLine = 0;
  let deletions = 0;
  for (const edit of edits) {
    if (edit.kind !== "delete") newLine += 1;
    if (edit.kind === "add") addedLines.push(newLine);
    if (edit.kind === "delete") deletions += 1;
  }
  return { additions: addedLines.length, deletions, addedLines };
}

/** Index ranges [first, last] of the edits each hunk shows, with `context` unchanged lines around. */
function hunkRanges(edits: readonly Edit[], context: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  edits.forEach((edit, index) => {
    if (edit.kind === "keep") return;
    const first = Math.max(0, index - context);
    const last = Math.min(edits.length - 1, index + context);
    const previous = ranges[ranges.length - 1];
    if (previous !== undefined && first <= previous[1] + 1) previous[1] = last;
    else ranges.push([first, last]);
  });
  return ranges;
}

function range(start: number, count: number, omitOne: boolean): string {
  return count === 1 && omitOne ? `${start}` : `${start},${count}`;
}

function renderHunks(file: ScriptedFile, context: number, omitOne: boolean): string[] {
  const out: string[] = [];
  const { edits } = file;
  for (const [first, last] of hunkRanges(edits, context)) {
    const before = edits.slice(0, first);
    const shown = edits.slice(first, last + 1);
    const oldBefore = before.filter((edit) => edit.kind !== "add").length;
    const newBefore = before.filter((edit) => edit.kind !== "delete").length;
    const oldCount = shown.filter((edit) => edit.kind !== "add").length;
    const newCount = shown.filter((edit) => edit.kind !== "delete").length;
    // git's convention: an empty side names the line before the hunk.
    const oldStart = oldCount === 0 ? oldBefore : oldBefore + 1;
    const newStart = newCount === 0 ? newBefore : newBefore + 1;
    out.push(`@@ -${range(oldStart, oldCount, omitOne)} +${range(newStart, newCount, omitOne)} @@`);
    for (const edit of shown) out.push(PREFIX[edit.kind] + edit.text);
    if (file.noNewlineAtEnd && last === edits.length - 1) out.push("\\ No newline at end of file");
  }
  return out;
}

export function renderUnifiedDiff(
  files: readonly ScriptedFile[],
  options: { context: number; omitOne: boolean },
): string {
  const out: string[] = [];
  for (const file of files) {
    out.push(`diff --git a/${file.path} b/${file.path}`, "index 1111111..2222222 100644");
    const hunks = renderHunks(file, options.context, options.omitOne);
    if (hunks.length > 0) out.push(`--- a/${file.path}`, `+++ b/${file.path}`, ...hunks);
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}
