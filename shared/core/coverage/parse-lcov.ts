// Reads LCOV tracefiles (lcov/geninfo 1.x and 2.x, Istanbul, c8, Bun, grcov, gcovr…).
// DA records are the executable lines, as for diff-cover 7.4 and Istanbul; BRDA only marks partial
// lines; FN/FNDA are ignored. A hand-rolled scanner, because reports get large.
import type { CoverageReport, FileCoverage } from "../types.js";
import { createBranchTally, type BranchTally } from "./branch-tally.js";
import { addHits, createFileCoverageTable } from "./file-coverage-table.js";
import { clip, MAX_LINE_NUMBER, readHitCount, readLineNumber } from "./parse-count.js";
import { createRecordTally } from "./record-tally.js";

/** Records that carry nothing shipgate uses: functions, summaries, lcov 2.x and MC/DC data. */
const IGNORED = new Set([
  "TN",
  "VER",
  "FN",
  "FNDA",
  "FNF",
  "FNH",
  "FNL",
  "FNA",
  "LF",
  "LH",
  "BRF",
  "BRH",
  "MCDC",
  "MCF",
  "MCH",
]);

interface FileRecords {
  file: FileCoverage;
  branches: BranchTally;
}

type Skip = (detail: string) => void;

export function parseLcov(text: string, source: string): CoverageReport {
  const table = createFileCoverageTable();
  const tally = createRecordTally(source);
  // Several records may name the same file (tracefiles concatenated): they add up.
  const byPath = new Map<string, FileRecords>();
  let current: FileRecords | null = null;
  let lineNo = 0;
  const skip: Skip = (detail) => tally.skip(detail, lineNo);
  const inRecord = (record: string): FileRecords | null => {
    if (current === null) skip(`${record} record outside a file record (no SF line before it)`);
    return current;
  };

  let pos = 0;
  const length = text.length;
  while (pos < length) {
    lineNo += 1;
    let end = text.indexOf("\n", pos);
    if (end < 0) end = length;
    let start = pos;
    pos = end + 1;
    while (start < end && isSpace(text.charCodeAt(start))) start += 1;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (start === end) continue;

    // The common case first, without allocating: DA:<line>,<hits>[,<checksum>] with plain digits.
    if (
      text.charCodeAt(start) === 68 &&
      text.charCodeAt(start + 1) === 65 &&
      text.charCodeAt(start + 2) === 58
    ) {
      const records = inRecord("DA");
      if (records === null) continue;
      if (
        readPlainDa(text, start + 3, end, records.file) ||
        readDa(text.slice(start + 3, end), records.file, skip)
      ) {
        tally.use();
      }
      continue;
    }

    const colon = text.indexOf(":", start);
    const hasColon = colon >= 0 && colon < end;
    const directive = text.slice(start, hasColon ? colon : end);
    const body = hasColon ? text.slice(colon + 1, end) : "";
    if (directive === "SF") {
      const path = body.trim();
      if (path === "") {
        skip("SF record has no file path; its records are skipped");
        current = null;
        continue;
      }
      current = byPath.get(path) ?? { file: table.file(path), branches: createBranchTally() };
      byPath.set(path, current);
    } else if (directive === "end_of_record") {
      current = null;
    } else if (directive === "BRDA") {
      const records = inRecord("BRDA");
      if (records !== null) readBrda(body, records.branches, skip);
    } else if (!IGNORED.has(directive)) {
      skip(
        hasColon
          ? `unknown LCOV record "${clip(directive)}:" (expected SF, DA, BRDA, end_of_record …)`
          : `"${clip(directive)}" is not an LCOV record (expected SF:, DA:, BRDA:, end_of_record …)`,
      );
    }
  }
  if (current !== null) {
    // The data read so far is still good; the missing end says the file may be cut short.
    tally.skip(
      `ends inside the record for ${clip(current.file.path, 120)} (no end_of_record): the file may be truncated`,
    );
  }
  for (const { file, branches } of byPath.values()) {
    for (const line of branches.partialLines()) file.partialLines.add(line);
  }
  return { source, format: "lcov", files: table.files(), sourceRoots: [], ...tally.counts };
}

/** Reads `text[start, end)` as `<line>,<hits>[,<checksum>]` of plain digits; false if it is not. */
function readPlainDa(text: string, start: number, end: number, file: FileCoverage): boolean {
  const comma = text.indexOf(",", start);
  if (comma <= start || comma >= end) return false;
  let hitsEnd = text.indexOf(",", comma + 1);
  if (hitsEnd < 0 || hitsEnd > end) hitsEnd = end;
  const extra = hitsEnd === end ? -1 : text.indexOf(",", hitsEnd + 1);
  if (extra >= 0 && extra < end) return false;
  const line = scanUint(text, start, comma);
  const hits = scanUint(text, comma + 1, hitsEnd);
  if (line < 1 || line > MAX_LINE_NUMBER || hits < 0) return false;
  addHits(file, line, hits);
  return true;
}

/** The slow path, which says why a record is skipped. */
function readDa(body: string, file: FileCoverage, skip: Skip): boolean {
  const parts = body.split(",");
  if (parts.length < 2 || parts.length > 3) {
    skip(`DA record "${clip(body)}" should be DA:<line>,<hits>[,<checksum>]`);
    return false;
  }
  const line = readLineNumber(parts[0]);
  const hits = readHitCount(parts[1]);
  if (typeof line === "string" || typeof hits === "string") {
    skip(`DA record ${typeof line === "string" ? line : (hits as string)}`);
    return false;
  }
  addHits(file, line, hits);
  return true;
}

function readBrda(body: string, branches: BranchTally, skip: Skip): void {
  // BRDA:<line>,[e]<block>,<branch>,<taken>; lcov 2.x branch expressions may contain commas.
  const first = body.indexOf(",");
  const second = first < 0 ? -1 : body.indexOf(",", first + 1);
  const last = body.lastIndexOf(",");
  if (first < 0 || second < 0 || second === last) {
    skip(`BRDA record "${clip(body)}" should be BRDA:<line>,<block>,<branch>,<taken>`);
    return;
  }
  // coverage.py writes BRDA:0 for branches it cannot place (exits from a module): skipped.
  const line = readLineNumber(body.slice(0, first));
  const takenText = body.slice(last + 1).trim();
  const taken = takenText === "-" ? 0 : readHitCount(takenText, "taken count");
  if (typeof line === "string" || typeof taken === "string") {
    skip(`BRDA record ${typeof line === "string" ? line : (taken as string)}`);
    return;
  }
  branches.add(line, body.slice(first + 1, last), taken);
}

/** Digits in [start, end) as a number; -1 when empty, not all digits, or too long to be exact. */
function scanUint(text: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xfeff;
}
