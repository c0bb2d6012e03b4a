// Test helpers for coverage: builders with defaults, LCOV rendering, and plain views of parse results.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CoverageFormat, CoverageReport, FileCoverage } from "../../../shared/core/types.js";

/** A file's lines as `{ line: hits }` and its partial lines, sorted: easy to compare and read. */
export interface PlainFile {
  lines: Record<number, number>;
  partial: number[];
}

export function plainFile(file: {
  lines: Map<number, number>;
  partialLines: Set<number>;
}): PlainFile {
  return {
    lines: Object.fromEntries([...file.lines].sort(([a], [b]) => a - b)),
    partial: [...file.partialLines].sort((a, b) => a - b),
  };
}

/** Every file of a report by its path, as plain data. */
export function plainReport(report: CoverageReport): Record<string, PlainFile> {
  return Object.fromEntries(report.files.map((file) => [file.path, plainFile(file)]));
}

export function makeFileCoverage(
  path: string,
  lines: Record<number, number>,
  partial: number[] = [],
): FileCoverage {
  return {
    path,
    lines: new Map(Object.entries(lines).map(([line, hits]) => [Number(line), hits])),
    partialLines: new Set(partial),
  };
}

export function makeReport(overrides: Partial<CoverageReport> = {}): CoverageReport {
  return {
    source: "coverage/lcov.info",
    format: "lcov",
    files: [],
    sourceRoots: [],
    recordsUsed: 0,
    recordsSkipped: 0,
    firstSkipped: null,
    ...overrides,
  };
}

/** LCOV text for `files`: DA records, and for partial lines one taken and one untaken branch. */
export function renderLcov(files: readonly FileCoverage[]): string {
  return files
    .map((file) => {
      const out = ["TN:", `SF:${file.path}`];
      for (const [line, hits] of file.lines) out.push(`DA:${line},${hits}`);
      for (const line of file.partialLines) out.push(`BRDA:${line},0,0,1`, `BRDA:${line},0,1,0`);
      out.push(`LF:${file.lines.size}`, "end_of_record");
      return out.join("\n") + "\n";
    })
    .join("");
}

const fixtures = fileURLToPath(new URL("../../fixtures/coverage/", import.meta.url));

/** A fixture under test/fixtures/coverage/, as text. */
export function readFixture(path: string): string {
  return readFileSync(fixtures + path, "utf8");
}

/** The format each parser is for, with the file name a project would give its report. */
export const REPORT_NAMES: Record<CoverageFormat, string> = {
  lcov: "coverage/lcov.info",
  cobertura: "coverage/cobertura-coverage.xml",
  clover: "coverage/clover.xml",
  jacoco: "target/site/jacoco/jacoco.xml",
  istanbul: "coverage/coverage-final.json",
  go: "cover.out",
};
