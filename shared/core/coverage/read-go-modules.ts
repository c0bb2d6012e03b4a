// Reads the module path each go.mod declares, so Go cover profiles' import paths
// (`github.com/google/uuid/uuid.go`) map onto the module's folder in the repository.
import type { GoModule } from "../types.js";

/** `module example.com/x` (optionally quoted, with a trailing `// comment`). */
const MODULE_LINE = /^\s*module\s+("([^"]+)"|`([^`]+)`|(\S+))\s*(?:\/\/.*)?$/;

/** The module path a go.mod declares, or null when it declares none. */
export function readGoModulePath(goMod: string): string | null {
  for (const line of goMod.split("\n")) {
    const match = MODULE_LINE.exec(line.replace(/\r$/, ""));
    if (match !== null) return match[2] ?? match[3] ?? match[4] ?? null;
  }
  return null;
}

/** go.mod files by repository path → modules, longest module path first (the most specific). */
export function readGoModules(goMods: ReadonlyMap<string, string>): GoModule[] {
  const modules: GoModule[] = [];
  for (const [path, text] of goMods) {
    const module = readGoModulePath(text);
    if (module === null) continue;
    const slash = path.lastIndexOf("/");
    modules.push({ dir: slash < 0 ? "" : path.slice(0, slash), module });
  }
  return modules.sort((a, b) => b.module.length - a.module.length || (a.dir < b.dir ? -1 : 1));
}

/** The repository's go.mod paths, from its file list. */
export function goModPaths(repoFiles: readonly string[]): string[] {
  return repoFiles.filter((path) => path === "go.mod" || path.endsWith("/go.mod"));
}
