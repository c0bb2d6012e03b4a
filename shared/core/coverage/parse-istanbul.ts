// Reads Istanbul's coverage-final.json (nyc, Jest, Vitest, c8 --reporter=json) exactly as
// Istanbul's own LCOV reporter would write it, so a project's JSON and LCOV reports agree.
import type { CoverageReport } from "../types.js";
import { createBranchTally } from "./branch-tally.js";
import { CoverageParseError } from "./coverage-parse-error.js";
import { createFileCoverageTable } from "./file-coverage-table.js";
import { checkHitCount, clip } from "./parse-count.js";
import { readJson } from "./read-json.js";

type Json = Record<string, unknown>;
type Fail = (detail: string) => never;

export function parseIstanbul(text: string, source: string): CoverageReport {
  const map = readJson(text, source);
  if (!isObject(map)) {
    throw new CoverageParseError(
      source,
      "is JSON but not an Istanbul coverage map (an object keyed by file path)",
    );
  }
  const table = createFileCoverageTable();
  for (const [key, value] of Object.entries(map)) {
    const fail: Fail = (detail) => {
      throw new CoverageParseError(source, `file "${clip(key, 120)}" ${detail}`);
    };
    // Some Jest versions wrote FileCoverage objects whole: { data: { path, statementMap, … } }.
    const data =
      isObject(value) && !("statementMap" in value) && isObject(value["data"])
        ? value["data"]
        : value;
    if (!isObject(data)) return fail("is not a file coverage object");
    const path = typeof data["path"] === "string" && data["path"] !== "" ? data["path"] : key;
    const file = table.file(path);
    for (const [line, hits] of lineCoverage(data, fail)) {
      file.lines.set(line, (file.lines.get(line) ?? 0) + hits);
    }
    const branches = createBranchTally();
    const branchMap = objectField(data, "branchMap", fail, true);
    for (const [id, counts] of Object.entries(objectField(data, "b", fail, true))) {
      const meta = branchMap[id];
      if (meta === undefined) continue; // The LCOV reporter warns and skips these.
      // The LCOV reporter writes BRDA at the start of the branch's location, not at `meta.line`.
      const line = startLine(isObject(meta) ? meta["loc"] : undefined, `branch ${id}`, fail);
      if (!Array.isArray(counts)) return fail(`has no list of counts for branch ${id}`);
      counts.forEach((taken: unknown, index) => {
        if (!checkHitCount(taken)) fail(`has count ${show(taken)} for branch ${id}.${index}`);
        branches.add(line, `${id},${index}`, taken as number);
      });
    }
    for (const line of branches.partialLines()) file.partialLines.add(line);
  }
  return { source, format: "istanbul", files: table.files(), sourceRoots: [] };
}

/** Istanbul's getLineCoverage: per line, the most hits of the statements starting there. */
function lineCoverage(data: Json, fail: Fail): Map<number, number> {
  const statementMap = objectField(data, "statementMap", fail);
  const hitsByLine = new Map<number, number>();
  for (const [id, hits] of Object.entries(objectField(data, "s", fail))) {
    const location = statementMap[id];
    if (location === undefined) continue; // Istanbul skips these too.
    if (!checkHitCount(hits)) fail(`has hit count ${show(hits)} for statement ${id}`);
    const line = startLine(location, `statement ${id}`, fail);
    const previous = hitsByLine.get(line);
    if (previous === undefined || previous < (hits as number)) hitsByLine.set(line, hits as number);
  }
  return hitsByLine;
}

function startLine(location: unknown, what: string, fail: Fail): number {
  const start = isObject(location) ? location["start"] : undefined;
  const line = isObject(start) ? start["line"] : undefined;
  if (typeof line !== "number" || !Number.isInteger(line) || line < 1) {
    return fail(`has no start line for ${what}`);
  }
  return line;
}

function objectField(data: Json, name: string, fail: Fail, optional = false): Json {
  const value = data[name];
  if (value === undefined && optional) return {};
  return isObject(value) ? value : fail(`has no "${name}" object`);
}

function show(value: unknown): string {
  return `${clip(String(JSON.stringify(value)))}, not a whole number of 0 or more,`;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
