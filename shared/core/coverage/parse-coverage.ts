// Detects a report's format and parses it; every problem a user can cause becomes an error value.
import type { CoverageFormat, CoverageReport, CoverageReportError } from "../types.js";
import { CoverageParseError } from "./coverage-parse-error.js";
import { detectCoverageFormat, readRootTag } from "./detect-coverage-format.js";
import { parseClover } from "./parse-clover.js";
import { parseCobertura } from "./parse-cobertura.js";
import { parseGo } from "./parse-go.js";
import { parseIstanbul } from "./parse-istanbul.js";
import { parseJacoco } from "./parse-jacoco.js";
import { parseLcov } from "./parse-lcov.js";

export type ParseCoverageResult =
  { ok: true; report: CoverageReport } | { ok: false; error: CoverageReportError };

const PARSERS: Record<CoverageFormat, (text: string, source: string) => CoverageReport> = {
  lcov: parseLcov,
  cobertura: parseCobertura,
  clover: parseClover,
  jacoco: parseJacoco,
  istanbul: parseIstanbul,
  go: parseGo,
};

const FORMAT_NAMES: Record<CoverageFormat, string> = {
  lcov: "LCOV",
  cobertura: "Cobertura XML",
  clover: "Clover XML",
  jacoco: "JaCoCo XML",
  istanbul: "Istanbul JSON",
  go: "Go cover",
};

export const SUPPORTED_FORMATS =
  "LCOV (lcov.info), Cobertura XML, Clover XML, JaCoCo XML, Istanbul JSON (coverage-final.json) " +
  "and Go cover profiles (go test -coverprofile)";

export function parseCoverage(text: string, source: string): ParseCoverageResult {
  const fail = (message: string): ParseCoverageResult => ({
    ok: false,
    error: { source, message },
  });
  if (text.trim().replace(/^\uFEFF/, "") === "") {
    return fail(`${source}: the file is empty. Did the test run that writes it fail or not run?`);
  }
  if (text.includes("\u0000")) {
    return fail(
      `${source}: this is a binary file (it contains NUL bytes), not a coverage report. ` +
        `Supported formats: ${SUPPORTED_FORMATS}.`,
    );
  }
  const format = detectCoverageFormat(text);
  if (format === null) {
    return fail(`${source}: ${describeUnknown(text)}. Supported formats: ${SUPPORTED_FORMATS}.`);
  }
  let report: CoverageReport;
  try {
    report = PARSERS[format](text, source);
  } catch (error) {
    if (error instanceof CoverageParseError) return fail(error.message);
    throw error;
  }
  if (report.recordsUsed === 0 && report.firstSkipped !== null) {
    return fail(
      `${report.firstSkipped} (${report.recordsSkipped} ${report.recordsSkipped === 1 ? "record" : "records"} ` +
        "skipped, none usable)",
    );
  }
  if (report.files.length === 0) {
    return fail(
      `${source}: this ${FORMAT_NAMES[format]} report lists no files. ` +
        "Check that the coverage tool's include/exclude settings cover your sources.",
    );
  }
  return { ok: true, report };
}

/** Says what the file looks like, so the user knows which setting to change. */
function describeUnknown(text: string): string {
  const start = text.trimStart().replace(/^\uFEFF/, "");
  if (/^<!DOCTYPE html|^<html/i.test(start)) {
    return "this is an HTML page (an HTML coverage report?), not a machine-readable report";
  }
  if (start.startsWith("<")) {
    const root = readRootTag(text.slice(0, 16_384));
    return root === null
      ? "this XML has no root element shipgate recognises"
      : `this XML's root element <${root.name}> is not a coverage format shipgate reads`;
  }
  if (start.startsWith("{") || start.startsWith("[")) {
    if (/"total"\s*:\s*\{\s*"lines"/.test(text)) {
      return (
        "this looks like Istanbul's coverage-summary.json, which has no per-line data: " +
        "use coverage-final.json (reporter json) or lcov.info"
      );
    }
    return "this JSON is not an Istanbul coverage map (no statementMap)";
  }
  return "the format is not recognised";
}
