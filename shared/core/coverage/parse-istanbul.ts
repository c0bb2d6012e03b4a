// Reads Istanbul's coverage-final.json (nyc, Jest, Vitest, c8 --reporter=json) exactly as
// Istanbul's own LCOV reporter would write it, so a project's JSON and LCOV reports agree.
import type { CoverageReport } from "../types.js";
import { createBranchTally } from "./branch-tally.js";
import { CoverageParseError } from "./coverage-parse-error.js";
import { createFileCoverageTable } from "./file-coverage-table.js";
import { checkHitCount, clip } from "./parse-count.js";
import { readJson } from "./read-json.js";
import { createRecordTally, type RecordTally } from "./record-tally.js";

type Json = Record<string, unknown>;
type Skip = (detail: string) => void;

export function parseIstanbul(text: string, source: string): CoverageReport {
  const map = readJson(text, source);
  if (!isObject(map)) {
    throw new CoverageParseError(
      source,
      "is JSON but not an Istanbul coverage map (an object keyed by file path)",
    );
  }
  const table = createFileCoverageTable();
  const tally = createRecordTally(source);
  for (const [key, value] of Object.entries(map)) {
    const skip: Skip = (detail) => tally.skip(`file "${clip(key, 120)}" ${detail}`);
    // Some Jest versions wrote FileCoverage objects whole: { data: { path, statementMap, … } }.
    const data =
      isObject(value) && !("statementMap" in value) && isObject(value["data"])
        ? value["data"]
        : value;
    const statementMap = isObject(data) ? objectField(data, "statementMap") : null;
    const hits = isObject(data) ? objectField(data, "s") : null;
    if (!isObject(data) || statementMap === null || hits === null) {
      skip("is not a file coverage object (no statementMap and s); skipped");
      continue;
    }
    const path = typeof data["path"] === "string" && data["path"] !== "" ? data["path"] : key;
    const file = table.file(path);
    for (const [line, count] of lineCoverage(statementMap, hits, tally, skip)) {
      file.lines.set(line, (file.lines.get(line) ?? 0) + count);
    }
    const branches = createBranchTally();
    const branchMap = objectField(data, "branchMap") ?? {};
    for (const [id, counts] of Object.entries(objectField(data, "b") ?? {})) {
      const meta = branchMap[id];
      if (meta === undefined) continue; // The LCOV reporter warns and skips these.
      // The LCOV reporter writes BRDA at the start of the branch's location, not at `meta.line`.
      const line = startLine(isObject(meta) ? meta["loc"] : undefined);
      if (line === null) {
        skip(`has no start line for branch ${id}`);
        continue;
      }
      if (!Array.isArray(counts)) {
        skip(`has no list of counts for branch ${id}`);
        continue;
      }
      counts.forEach((taken: unknown, index) => {
        if (checkHitCount(taken)) branches.add(line, `${id},${index}`, taken);
        else skip(`has count ${show(taken)} for branch ${id}.${index}`);
      });
    }
    for (const line of branches.partialLines()) file.partialLines.add(line);
  }
  return { source, format: "istanbul", files: table.files(), sourceRoots: [], ...tally.counts };
}

/** Istanbul's getLineCoverage: per line, the most hits of the statements starting there. */
function lineCoverage(
  statementMap: Json,
  hits: Json,
  tally: RecordTally,
  skip: Skip,
): Map<number, number> {
  const hitsByLine = new Map<number, number>();
  for (const [id, count] of Object.entries(hits)) {
    const location = statementMap[id];
    if (location === undefined) continue; // Istanbul skips these too.
    const line = startLine(location);
    if (!checkHitCount(count) || line === null) {
      skip(
        line === null
          ? `has no start line for statement ${id}`
          : `has hit count ${show(count)} for statement ${id}`,
      );
      continue;
    }
    tally.use();
    const previous = hitsByLine.get(line);
    if (previous === undefined || previous < count) hitsByLine.set(line, count);
  }
  return hitsByLine;
}

function startLine(location: unknown): number | null {
  const start = isObject(location) ? location["start"] : undefined;
  const line = isObject(start) ? start["line"] : undefined;
  return typeof line === "number" && Number.isInteger(line) && line >= 1 ? line : null;
}

/** An object-valued field, or null when absent or not an object. */
function objectField(data: Json, name: string): Json | null {
  const value = data[name];
  return isObject(value) ? value : null;
}

function show(value: unknown): string {
  return `${clip(String(JSON.stringify(value)))}, not a whole number of 0 or more,`;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
