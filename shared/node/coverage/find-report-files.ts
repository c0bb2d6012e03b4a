// Resolves coverage report globs to files on disk, walking only the directory each glob starts
// in, one directory at a time (a huge tree must not open thousands of handles at once), and
// never into node_modules or .git.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import picomatch from "picomatch";

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);

export interface FoundReports {
  /** Repository-relative (or, for absolute patterns, absolute) paths, sorted and unique. */
  files: string[];
  /** Literal (non-glob) patterns with nothing at that path. */
  missing: string[];
}

export async function findReportFiles(
  patterns: readonly string[],
  root: string,
): Promise<FoundReports> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const pattern of patterns) {
    const found = await findOne(pattern, root);
    if (found === null) missing.push(pattern);
    else for (const file of found) files.add(file);
  }
  return { files: [...files].sort(), missing };
}

/** The files a pattern names; null for a literal path with nothing there. */
async function findOne(rawPattern: string, root: string): Promise<string[] | null> {
  const pattern = rawPattern.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  const scan = picomatch.scan(pattern);
  if (!scan.isGlob) {
    // A literal path is listed whenever something is there, so a directory or unreadable file
    // becomes a reported error instead of silently "no report".
    const exists = await stat(path.resolve(root, pattern)).then(
      () => true,
      () => false,
    );
    return exists ? [pattern] : null;
  }
  const isMatch = picomatch(pattern, { dot: true });
  const start = path.resolve(root, scan.base);
  const absolute = path.isAbsolute(pattern);
  const files = await walk(start);
  return files
    .map((file) => (absolute ? file : path.relative(root, file)).split(path.sep).join("/"))
    .filter((file) => isMatch(file));
}

async function walk(start: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [start];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) pending.push(full);
      } else if (entry.isFile()) {
        files.push(full);
      } else if (entry.isSymbolicLink()) {
        // Symlinks count when they point at a file; linked directories are not followed (loops).
        // Where a link leads is checked when the report is read.
        const target = await stat(full).catch(() => null);
        if (target?.isFile()) files.push(full);
      }
    }
  }
  return files;
}
