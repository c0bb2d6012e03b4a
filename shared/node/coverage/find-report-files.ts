// Resolves coverage report globs to files on disk, walking only the directory each glob starts
// in, and never into node_modules or .git.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import picomatch from "picomatch";

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);

/** Repository-relative (or, for absolute patterns, absolute) paths, sorted and unique. */
export async function findReportFiles(
  patterns: readonly string[],
  root: string,
): Promise<string[]> {
  const found = await Promise.all(patterns.map((pattern) => findOne(pattern, root)));
  return [...new Set(found.flat())].sort();
}

async function findOne(rawPattern: string, root: string): Promise<string[]> {
  const pattern = rawPattern.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  const scan = picomatch.scan(pattern);
  if (!scan.isGlob) {
    // A literal path is listed whenever something is there, so a directory or unreadable file
    // becomes a reported error instead of silently "no report".
    const exists = await stat(path.resolve(root, pattern)).then(
      () => true,
      () => false,
    );
    return exists ? [pattern] : [];
  }
  const isMatch = picomatch(pattern, { dot: true });
  const start = path.resolve(root, scan.base);
  const absolute = path.isAbsolute(pattern);
  const files = await walk(start);
  return files
    .map((file) => (absolute ? file : path.relative(root, file)).split(path.sep).join("/"))
    .filter((file) => isMatch(file));
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : walk(full);
      if (entry.isFile()) return [full];
      // Symlinks count when they point at a file; linked directories are not followed (loops).
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => null);
        return target?.isFile() ? [full] : [];
      }
      return [];
    }),
  );
  return nested.flat();
}
