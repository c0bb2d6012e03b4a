// Reads coverage reports from disk into CoverageFacts (the CLI and the Action share it); a report
// that cannot be used becomes an error entry naming the file, and the other reports are still
// used. Reading is safe on hostile input: only regular files, within a size cap, a few at a time,
// and (unless allowed) never through a symlink that leaves the repository.
import { constants } from "node:fs";
import { open, realpath } from "node:fs/promises";
import path from "node:path";
import { parseCoverage } from "../../core/coverage/parse-coverage.js";
import type { CoverageFacts, CoverageReport, CoverageReportError } from "../../core/types.js";
import { describeFsError } from "../describe-fs-error.js";
import { decodeReport } from "./decode-report.js";
import { findReportFiles } from "./find-report-files.js";

/** Reports read at once: thousands matched by one glob must not exhaust file handles. */
const CONCURRENCY = 8;

export interface GatherCoverageOptions {
  /** A report file larger than this is refused. */
  maxBytes: number;
  /**
   * The user named these patterns (not the built-in defaults): a literal path with nothing
   * there is an error, not "no report".
   */
  explicit: boolean;
  /**
   * Absolute report paths outside `root` may be read (the local CLI, where the user names them).
   * A relative path never leads out of `root`, not even through a symlink.
   */
  allowOutsideRoot: boolean;
}

export async function gatherCoverage(
  patterns: readonly string[],
  root: string,
  options: GatherCoverageOptions,
): Promise<CoverageFacts> {
  const { files, missing } = await findReportFiles(patterns, root);
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const results = await mapWithLimit(files, CONCURRENCY, (file) =>
    readReport(file, root, realRoot, options),
  );
  const reports: CoverageReport[] = [];
  const errors: CoverageReportError[] = [];
  for (const result of results) {
    if ("report" in result) reports.push(result.report);
    else errors.push(result.error);
  }
  if (options.explicit) {
    for (const pattern of missing) errors.push({ source: pattern, message: "no such file" });
  }
  return { reports, errors };
}

type ReadResult = { report: CoverageReport } | { error: CoverageReportError };

async function readReport(
  source: string,
  root: string,
  realRoot: string,
  options: GatherCoverageOptions,
): Promise<ReadResult> {
  const fail = (message: string): ReadResult => ({ error: { source, message } });
  const full = path.resolve(root, source);
  if (!(options.allowOutsideRoot && path.isAbsolute(source))) {
    const real = await realpath(full).catch(() => null);
    if (real === null || !isInside(real, realRoot)) {
      // Where it leads is not said: the message may end up in a public comment.
      return fail("is outside the repository (or a symlink that leads out of it); refused");
    }
  }
  let bytes: Buffer;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    const handle = await open(full, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        return fail(`is not a regular file (${kindOf(info)}); a report must be a file`);
      }
      if (info.size > options.maxBytes) {
        return fail(
          `is ${sizeOf(info.size)}, over the ${sizeOf(options.maxBytes)} limit ` +
            "(rules.coverage.max-report-mb); refused",
        );
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    // The source names the file wherever the error is shown; the message says what went wrong.
    return fail(`cannot be read: ${describeFsError(error)}`);
  }
  if (bytes.length > options.maxBytes) {
    return fail(`grew past the ${sizeOf(options.maxBytes)} limit while being read; refused`);
  }
  try {
    const decoded = decodeReport(bytes);
    if (!decoded.ok) return fail(decoded.message);
    const parsed = parseCoverage(decoded.text, source);
    return parsed.ok ? { report: parsed.report } : { error: parsed.error };
  } catch (error) {
    // Past what V8 can hold as one string (about 512 MB), or out of memory: this report only.
    if (error instanceof RangeError) return fail(`is too large to read (${error.message})`);
    throw error;
  }
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a named pipe";
  if (info.isSocket()) return "a socket";
  return "a device or other special file";
}

function sizeOf(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.round(bytes)} bytes`;
}

/** Runs `task` over `items` with at most `limit` at once, keeping the items' order. */
async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
