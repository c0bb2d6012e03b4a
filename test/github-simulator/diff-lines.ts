// Reads a unified-diff `patch` (as GitHub returns per file) into the line numbers a review
// comment may target on each side; GitHub rejects comments on lines outside the hunks.

export interface DiffLines {
  right: Set<number>;
  left: Set<number>;
  additions: number;
  deletions: number;
  /** Number of diff lines after the first hunk header: the valid range of legacy `position`. */
  positions: number;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function diffLines(patch: string): DiffLines {
  const result: DiffLines = {
    right: new Set(),
    left: new Set(),
    additions: 0,
    deletions: 0,
    positions: 0,
  };
  let oldLine = 0;
  let newLine = 0;
  let seenHunk = false;
  for (const line of patch.replace(/\n$/, "").split("\n")) {
    const hunk = HUNK.exec(line);
    if (hunk) {
      if (seenHunk) result.positions++;
      seenHunk = true;
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      continue;
    }
    if (!seenHunk || line.startsWith("\\")) continue;
    result.positions++;
    if (line.startsWith("+")) {
      result.right.add(newLine++);
      result.additions++;
    } else if (line.startsWith("-")) {
      result.left.add(oldLine++);
      result.deletions++;
    } else {
      result.right.add(newLine++);
      result.left.add(oldLine++);
    }
  }
  return result;
}
