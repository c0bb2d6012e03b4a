// Reads Go cover profiles (`go test -coverprofile`). Every line a block spans is executable; a
// line's hits are the most of any block on it; a line shared by run and unrun blocks is partial.
import type { CoverageReport } from "../types.js";
import { CoverageParseError } from "./coverage-parse-error.js";
import { createFileCoverageTable } from "./file-coverage-table.js";
import { clip, MAX_LINE_NUMBER } from "./parse-count.js";
import { createRecordTally, type RecordTally } from "./record-tally.js";

const MODE = /^mode: (set|count|atomic)$/;
const POSITION = /^(\d+)\.\d+,(\d+)\.\d+$/;
const DIGITS = /^\d+$/;
/** No real block spans this many lines; a larger span is garbage that would take ages to expand. */
const MAX_BLOCK_LINES = 100_000;
/** Nor does a real profile cover this many lines in all (a monorepo has a few million). */
const MAX_TOTAL_LINES = 20_000_000;

interface Block {
  path: string;
  startLine: number;
  endLine: number;
  statements: number;
  count: number;
}

export function parseGo(text: string, source: string): CoverageReport {
  const tally = createRecordTally(source);
  const blocks = readBlocks(text, source, tally);
  const table = createFileCoverageTable();
  const unrunLines = new Map<string, Set<number>>();
  let total = 0;
  for (const block of blocks.values()) total += block.endLine - block.startLine + 1;
  if (total > MAX_TOTAL_LINES) {
    throw new CoverageParseError(source, `its blocks span more than ${MAX_TOTAL_LINES} lines`);
  }
  for (const block of blocks.values()) {
    const file = table.file(block.path);
    let unrun = unrunLines.get(block.path);
    if (unrun === undefined) unrunLines.set(block.path, (unrun = new Set()));
    for (let line = block.startLine; line <= block.endLine; line++) {
      const hits = file.lines.get(line);
      if (hits === undefined || hits < block.count) file.lines.set(line, block.count);
      if (block.count === 0) unrun.add(line);
    }
  }
  for (const [path, unrun] of unrunLines) {
    const file = table.file(path);
    for (const line of unrun) file.partialLines.add(line); // kept only where some block ran
  }
  return { source, format: "go", files: table.files(), sourceRoots: [], ...tally.counts };
}

/**
 * Blocks by position. A block listed twice (profiles of several packages) is merged as
 * `go tool cover` merges it: in set mode it ran if either ran, otherwise the counts add up.
 */
function readBlocks(text: string, source: string, tally: RecordTally): Map<string, Block> {
  const blocks = new Map<string, Block>();
  let mode: string | null = null;
  const lines = text.split("\n");
  let lineNo = 0;
  const skip = (detail: string): void => tally.skip(detail, lineNo);
  for (const raw of lines) {
    lineNo += 1;
    const line = raw.trim(); // trim() also drops a byte-order mark
    if (line === "") continue;
    const modeMatch = MODE.exec(line);
    if (modeMatch !== null) {
      // Concatenated profiles repeat the header; a different mode changes how counts merge.
      if (mode !== null && mode !== modeMatch[1]) {
        skip(`mode ${modeMatch[1]} differs from the earlier mode ${mode}; counts merge as ${mode}`);
      } else {
        mode = modeMatch[1] ?? null;
      }
      continue;
    }
    if (mode === null) {
      throw new CoverageParseError(
        source,
        'a Go cover profile must start with "mode: set", "mode: count" or "mode: atomic"',
        lineNo,
      );
    }
    const block = readBlock(line);
    const problem = block === null ? null : blockProblem(block);
    if (block === null || problem !== null) {
      skip(
        problem ??
          `"${clip(line, 80)}" is not a profile block (expected file.go:line.col,line.col statements count)`,
      );
      continue;
    }
    const { key, path, startLine, endLine, statements, count } = block;
    const known = blocks.get(key);
    if (known === undefined) {
      blocks.set(key, { path, startLine, endLine, statements, count });
    } else if (known.statements !== statements) {
      skip(`block ${clip(key, 80)} appears twice with different statement counts`);
      continue;
    } else {
      known.count = mode === "set" ? Math.max(known.count, count) : known.count + count;
    }
    tally.use();
  }
  if (mode === null)
    throw new CoverageParseError(source, 'has no "mode:" line: not a Go cover profile');
  return blocks;
}

function blockProblem({ startLine, endLine, statements, count }: Block): string | null {
  if (startLine < 1 || endLine > MAX_LINE_NUMBER) return "block has a line number out of range";
  if (endLine < startLine)
    return `block ends (line ${endLine}) before it starts (line ${startLine})`;
  if (endLine - startLine >= MAX_BLOCK_LINES) {
    return `block spans ${endLine - startLine + 1} lines, more than any real block`;
  }
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(statements)) {
    return "block has a count too large to be real";
  }
  return null;
}

/** `path:start.col,end.col statements count`, read from the right: Windows paths contain colons. */
function readBlock(line: string): (Block & { key: string }) | null {
  const countAt = line.lastIndexOf(" ");
  const statementsAt = line.lastIndexOf(" ", countAt - 1);
  const colon = line.lastIndexOf(":", statementsAt);
  if (countAt < 0 || statementsAt <= 0 || colon <= 0) return null;
  const countText = line.slice(countAt + 1);
  const statementsText = line.slice(statementsAt + 1, countAt);
  const position = POSITION.exec(line.slice(colon + 1, statementsAt));
  if (position === null || !DIGITS.test(countText) || !DIGITS.test(statementsText)) return null;
  return {
    key: line.slice(0, statementsAt),
    path: line.slice(0, colon),
    startLine: Number(position[1]),
    endLine: Number(position[2]),
    statements: Number(statementsText),
    count: Number(countText),
  };
}
