// The repository's file list, indexed for the lookups path mapping needs: exact path and basename.
import { normalizeCoveragePath, pathSegments } from "./normalize-coverage-path.js";

export interface RepoFile {
  /** The path as the repository lists it. */
  path: string;
  segments: string[];
}

export interface RepoPathIndex {
  size: number;
  /** The repository path for a normalised relative path, if the repository has that file. */
  exact(normalized: string): string | undefined;
  /** Files whose last segment is `basename`. */
  named(basename: string): readonly RepoFile[];
}

export function createRepoPathIndex(repoFiles: readonly string[]): RepoPathIndex {
  const exact = new Map<string, string>();
  const byName = new Map<string, RepoFile[]>();
  for (const path of repoFiles) {
    const normalized = normalizeCoveragePath(path);
    if (normalized === "" || exact.has(normalized)) continue;
    exact.set(normalized, path);
    const segments = pathSegments(normalized);
    const basename = segments[segments.length - 1] ?? "";
    const list = byName.get(basename) ?? [];
    list.push({ path, segments });
    byName.set(basename, list);
  }
  return {
    size: exact.size,
    exact: (normalized) => exact.get(normalized),
    named: (basename) => byName.get(basename) ?? [],
  };
}
