// Maps the paths a report wrote onto repository paths: exact match, then `<source>` roots, then
// the longest unambiguous match on trailing path segments (CI checkouts, Java packages, Go
// import paths).
import type { CoverageReport } from "../types.js";
import {
  isAbsoluteCoveragePath,
  normalizeCoveragePath,
  pathSegments,
} from "./normalize-coverage-path.js";
import type { RepoFile, RepoPathIndex } from "./repo-path-index.js";

export type CoveragePathMatch = { ok: true; repoPath: string } | { ok: false; reason: string };

export interface UnmatchedCoverageFile {
  /** The report that named the file. */
  source: string;
  /** The path as the report wrote it. */
  path: string;
  /** Why it maps to no repository file. */
  reason: string;
}

export interface CoveragePathMapping {
  /** Report path (as written) -> repository path. */
  paths: Map<string, string>;
  unmatched: UnmatchedCoverageFile[];
}

export function mapCoveragePaths(
  report: CoverageReport,
  index: RepoPathIndex,
): CoveragePathMapping {
  const roots = report.sourceRoots.map(normalizeCoveragePath).filter((root) => root !== "");
  const paths = new Map<string, string>();
  const unmatched: UnmatchedCoverageFile[] = [];
  for (const { path } of report.files) {
    if (paths.has(path)) continue;
    const match = mapCoveragePath(path, roots, index);
    if (match.ok) paths.set(path, match.repoPath);
    else unmatched.push({ source: report.source, path, reason: match.reason });
  }
  return { paths, unmatched };
}

/** `roots` are normalised source roots. With an empty index, the normalised path is the answer. */
export function mapCoveragePath(
  reportPath: string,
  roots: readonly string[],
  index: RepoPathIndex,
): CoveragePathMatch {
  const path = normalizeCoveragePath(reportPath);
  if (path === "") return { ok: false, reason: "the report gives an empty path" };
  const absolute = isAbsoluteCoveragePath(path);
  const underRoots = absolute
    ? roots.filter((root) => path.startsWith(`${root}/`)).map((root) => path.slice(root.length + 1))
    : roots.map((root) => normalizeCoveragePath(`${root}/${path}`));

  if (index.size === 0) {
    const relative = underRoots.find((candidate) => !isAbsoluteCoveragePath(candidate));
    return { ok: true, repoPath: relative ?? path };
  }
  for (const candidate of absolute ? underRoots : [path, ...underRoots]) {
    const found = isAbsoluteCoveragePath(candidate) ? undefined : index.exact(candidate);
    if (found !== undefined) return { ok: true, repoPath: found };
  }
  return matchBySuffix([path, ...underRoots].map(pathSegments), index);
}

interface Score {
  /** One path is wholly the tail of the other: strong evidence. */
  contained: boolean;
  /** How many trailing segments agree. */
  common: number;
}

function matchBySuffix(queries: string[][], index: RepoPathIndex): CoveragePathMatch {
  let best: Score = { contained: false, common: 0 };
  let winners: RepoFile[] = [];
  for (const file of index.suffixCandidates(queries)) {
    const score = bestScore(queries, file.segments);
    // A shared basename alone is no evidence that two paths are the same file.
    if (!score.contained && score.common < 2) continue;
    const order = compare(score, best);
    if (order > 0) {
      best = score;
      winners = [file];
    } else if (order === 0) {
      winners.push(file);
    }
  }
  const [winner, ...others] = winners;
  if (winner === undefined) {
    return { ok: false, reason: "no repository file has this path or ends with it" };
  }
  if (others.length > 0) {
    const names = winners
      .slice(0, 3)
      .map((file) => file.path)
      .join(", ");
    const more = winners.length > 3 ? ` and ${winners.length - 3} more` : "";
    return {
      ok: false,
      reason: `ambiguous: ${winners.length} repository files match equally well (${names}${more})`,
    };
  }
  return { ok: true, repoPath: winner.path };
}

function bestScore(queries: string[][], target: string[]): Score {
  let best: Score = { contained: false, common: 0 };
  for (const query of queries) {
    let common = 0;
    while (
      common < query.length &&
      common < target.length &&
      query[query.length - 1 - common] === target[target.length - 1 - common]
    ) {
      common += 1;
    }
    const score = {
      contained: common > 0 && (common === query.length || common === target.length),
      common,
    };
    if (compare(score, best) > 0) best = score;
  }
  return best;
}

function compare(a: Score, b: Score): number {
  if (a.contained !== b.contained) return a.contained ? 1 : -1;
  return a.common - b.common;
}
