// Groups changed files by package (or top-level directory) so the author sees where a big
// pull request could be cut.
import type { ChangedFile } from "../../facts.js";

export interface SizeGroup {
  /** `packages/api`, `src`, or `.` for files at the repository root. */
  name: string;
  kind: "package" | "directory" | "root";
  files: number;
  lines: number;
}

/** Directories under these hold one package each: `packages/<name>/...`. */
const PACKAGE_PARENTS = new Set(["packages", "apps", "libs", "services", "crates"]);
/** A directory holding one of these (anywhere but the root) is a package root. */
const MANIFESTS = new Set(["package.json", "Cargo.toml", "go.mod", "pyproject.toml"]);

function manifestRoots(paths: Iterable<string>): Set<string> {
  const roots = new Set<string>();
  for (const path of paths) {
    const slash = path.lastIndexOf("/");
    if (slash > 0 && MANIFESTS.has(path.slice(slash + 1))) roots.add(path.slice(0, slash));
  }
  return roots;
}

function groupOf(path: string, roots: Set<string>): Pick<SizeGroup, "name" | "kind"> {
  // The deepest manifest root wins: `packages/a/vendor/b/package.json` makes its own package.
  if (roots.size > 0) {
    for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
      const dir = path.slice(0, slash);
      if (roots.has(dir)) return { name: dir, kind: "package" };
    }
  }
  const segments = path.split("/");
  const [top, second] = segments;
  if (segments.length >= 3 && top !== undefined && PACKAGE_PARENTS.has(top)) {
    return { name: `${top}/${second ?? ""}`, kind: "package" };
  }
  if (segments.length === 1 || top === undefined) return { name: ".", kind: "root" };
  return { name: top, kind: "directory" };
}

/** A file's group (see createGroupOf). */
export type GroupOf = (path: string) => Pick<SizeGroup, "name" | "kind">;

/** Where each file belongs, given the changed files and (when known) every path at head. */
export function createGroupOf(
  files: readonly ChangedFile[],
  knownPaths: readonly string[],
): GroupOf {
  const roots = manifestRoots([...knownPaths, ...files.map((file) => file.path)]);
  // A file's group depends on its folder only: worked out once per folder, not once per file
  // (thousands of changed files sit in a few hundred folders).
  const byFolder = new Map<string, Pick<SizeGroup, "name" | "kind">>();
  return (path) => {
    const slash = path.lastIndexOf("/");
    const folder = slash < 0 ? "" : path.slice(0, slash + 1);
    let group = byFolder.get(folder);
    if (group === undefined) {
      group = groupOf(path, roots);
      byFolder.set(folder, group);
    }
    return group;
  };
}

/**
 * A file belongs to the deepest package root above it (a directory under `packages/`, `apps/`,
 * `libs/`, `services/`, `crates/`, or one holding a `package.json`, `Cargo.toml`, `go.mod` or
 * `pyproject.toml` that is changed or, when known, in the repository), else to its top-level
 * directory. Sorted by lines, then files, descending; then by name. `groupOf` may be the one the
 * caller made for the same files and paths.
 */
export function groupByPackage(
  files: readonly ChangedFile[],
  knownPaths: readonly string[],
  groupOfPath: GroupOf = createGroupOf(files, knownPaths),
): SizeGroup[] {
  const groups = new Map<string, SizeGroup>();
  for (const file of files) {
    const { name, kind } = groupOfPath(file.path);
    const group = groups.get(name) ?? { name, kind, files: 0, lines: 0 };
    group.files += 1;
    group.lines += file.additions + file.deletions;
    groups.set(name, group);
  }
  return sortGroups([...groups.values()]);
}

/** By lines, then files, descending; then by name. */
export function sortGroups(groups: SizeGroup[]): SizeGroup[] {
  return groups.sort(
    (a, b) =>
      b.lines - a.lines || b.files - a.files || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
