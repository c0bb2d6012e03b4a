// Reads coverage reports from disk into CoverageFacts (the CLI and the Action share it); a report
// that cannot be used becomes an error entry naming the file, and the other reports are still used.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseCoverage } from "../../core/coverage/parse-coverage.js";
import type { CoverageFacts, CoverageReport, CoverageReportError } from "../../core/types.js";
import { describeFsError } from "../describe-fs-error.js";
import { decodeReport } from "./decode-report.js";
import { findReportFiles } from "./find-report-files.js";

export async function gatherCoverage(
  patterns: readonly string[],
  root: string,
): Promise<CoverageFacts> {
  const files = await findReportFiles(patterns, root);
  const results = await Promise.all(files.map((file) => readReport(file, root)));
  const reports: CoverageReport[] = [];
  const errors: CoverageReportError[] = [];
  for (const result of results) {
    if ("report" in result) reports.push(result.report);
    else errors.push(result.error);
  }
  return { reports, errors };
}

async function readReport(
  source: string,
  root: string,
): Promise<{ report: CoverageReport } | { error: CoverageReportError }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(root, source));
  } catch (error) {
    // The source names the file wherever the error is shown; the message says what went wrong.
    return { error: { source, message: `cannot be read: ${describeFsError(error)}` } };
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { error: { source, message: decoded.message } };
  const parsed = parseCoverage(decoded.text, source);
  return parsed.ok ? { report: parsed.report } : { error: parsed.error };
}
