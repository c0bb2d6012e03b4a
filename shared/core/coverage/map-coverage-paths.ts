// Maps the paths a report wrote onto repository paths: Go module paths (from go.mod), the
// report's own folders (a monorepo package's report names files relative to the package), the
// path as written, `<source>` roots; then the longest unambiguous match on trailing path
// segments (CI checkouts, Java packages), where the report's folders break ties.
import type { CoverageReport, GoModule } from "../facts.js";
import {
  isAbsoluteCoveragePath,
  normalizeCoveragePath,
  pathSegments,
} from "./normalize-coverage-path.js";
import type { RepoFile, RepoPathIndex } from "./repo-path-index.js";

export type CoveragePathMatch =
  { ok: true; repoPath: string } | { ok: false; reason: string; candidates: string[] };

export interface UnmatchedCoverageFile {
  /** The report that named the file. */
  source: string;
  /** The path as the report wrote it. */
  path: string;
  /** Why it maps to no repository file. */
  reason: string;
  /** Repository files that matched equally well (an ambiguous match); empty otherwise. */
  candidates: string[];
}

/** What besides the path itself says where a report's files live. */
export interface MappingHints {
  /** Folders of the report file, nearest first, without the repository root. */
  reportDirs: readonly string[];
  /** Go modules in the repository, longest module path first. */
  goModules: readonly GoModule[];
}

const NO_HINTS: MappingHints = { reportDirs: [], goModules: [] };

export interface CoveragePathMapping {
  /** Report path (as written) -> repository path. */
  paths: Map<string, string>;
  unmatched: UnmatchedCoverageFile[];
}

export function mapCoveragePaths(
  report: CoverageReport,
  index: RepoPathIndex,
  goModules: readonly GoModule[] = [],
): CoveragePathMapping {
  const roots = report.sourceRoots.map(normalizeCoveragePath).filter((root) => root !== "");
  const hints: MappingHints = { reportDirs: reportDirsOf(report.source), goModules };
  const paths = new Map<string, string>();
  const unmatched: UnmatchedCoverageFile[] = [];
  for (const { path } of report.files) {
    if (paths.has(path)) continue;
    const match = mapCoveragePath(path, roots, index, hints);
    if (match.ok) paths.set(path, match.repoPath);
    else {
      unmatched.push({
        source: report.source,
        path,
        reason: match.reason,
        candidates: match.candidates,
      });
    }
  }
  return { paths, unmatched };
}

/**
 * `roots` are normalised source roots. With an empty index (the file list is unknown), the
 * normalised path is the answer.
 */
export function mapCoveragePath(
  reportPath: string,
  roots: readonly string[],
  index: RepoPathIndex,
  hints: MappingHints = NO_HINTS,
): CoveragePathMatch {
  const path = normalizeCoveragePath(reportPath);
  if (path === "") return { ok: false, reason: "the report gives an empty path", candidates: [] };
  const absolute = isAbsoluteCoveragePath(path);
  const underRoots = absolute
    ? roots.filter((root) => path.startsWith(`${root}/`)).map((root) => path.slice(root.length + 1))
    : roots.map((root) => normalizeCoveragePath(`${root}/${path}`));

  if (index.size === 0) {
    const relative = underRoots.find((candidate) => !isAbsoluteCoveragePath(candidate));
    return { ok: true, repoPath: relative ?? path };
  }
  const inModule = absolute ? null : underGoModule(path, hints.goModules);
  if (inModule !== null) {
    // An import path names exactly one file of its module; nothing else can be meant.
    const found = index.exact(inModule);
    return found !== undefined
      ? { ok: true, repoPath: found }
      : { ok: false, reason: `its Go module has no file ${inModule}`, candidates: [] };
  }
  const exactCandidates = absolute
    ? underRoots
    : [...hints.reportDirs.map((dir) => `${dir}/${path}`), path, ...underRoots];
  for (const candidate of exactCandidates) {
    const found = isAbsoluteCoveragePath(candidate) ? undefined : index.exact(candidate);
    if (found !== undefined) return { ok: true, repoPath: found };
  }
  return matchBySuffix([path, ...underRoots].map(pathSegments), index, hints.reportDirs);
}

/** `packages/cli/coverage/lcov.info` → `packages/cli/coverage`, `packages/cli`, `packages`. */
export function reportDirsOf(source: string): string[] {
  const normalized = normalizeCoveragePath(source);
  if (normalized === "" || isAbsoluteCoveragePath(normalized)) return [];
  const segments = pathSegments(normalized);
  if (segments.length !== normalized.split("/").length) return []; // leading `..`: outside
  const dirs: string[] = [];
  for (let end = segments.length - 1; end > 0; end -= 1)
    dirs.push(segments.slice(0, end).join("/"));
  return dirs;
}

/** The repository path an import path names, when it lies in one of the repository's modules. */
function underGoModule(path: string, modules: readonly GoModule[]): string | null {
  for (const { dir, module } of modules) {
    if (!path.startsWith(`${module}/`)) continue;
    const rest = path.slice(module.length + 1);
    return dir === "" ? rest : `${dir}/${rest}`;
  }
  return null;
}

interface Score {
  /** One path is wholly the tail of the other: strong evidence. */
  contained: boolean;
  /** How many trailing segments agree. */
  common: number;
}

function matchBySuffix(
  queries: string[][],
  index: RepoPathIndex,
  reportDirs: readonly string[],
): CoveragePathMatch {
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
  // Equal matches: the one in the report's own package (nearest folder first) is meant.
  for (const dir of winners.length > 1 ? reportDirs : []) {
    const inside = winners.filter((file) => file.path.startsWith(`${dir}/`));
    if (inside.length > 0) {
      winners = inside;
      break;
    }
  }
  const [winner, ...others] = winners;
  if (winner === undefined) {
    return {
      ok: false,
      reason: "no repository file has this path or ends with it",
      candidates: [],
    };
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
      candidates: winners.map((file) => file.path),
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
