// The areas a change touches: configured `areas` first, else the package or top-level directory
// the size rule groups by. Files at the root and tests in test-only directories belong to no
// area of their own: they go with whatever code they accompany.
import { createGlobMatcher } from "../../exclude/match-glob.js";
import type { ChangedFile } from "../../facts.js";
import { createGroupOf, sortGroups, type SizeGroup } from "../size/group-by-package.js";
import { isTestPath } from "../size/plan-slices.js";

export function findAreas(
  files: readonly ChangedFile[],
  knownPaths: readonly string[],
  configured: Readonly<Record<string, readonly string[]>>,
): SizeGroup[] {
  const named = Object.entries(configured).map(
    ([name, patterns]) => [name, createGlobMatcher(patterns)] as const,
  );
  const groupOf = createGroupOf(files, knownPaths);
  const placed = files.map((file) => {
    const area = named.find(([, matches]) => matches(file.path));
    const group = area === undefined ? groupOf(file.path) : { name: area[0], kind: "package" };
    return { file, group: group as Pick<SizeGroup, "name" | "kind"> };
  });
  const testOnly = new Set(placed.map((p) => p.group.name));
  for (const { file, group } of placed) if (!isTestPath(file.path)) testOnly.delete(group.name);
  const areas = new Map<string, SizeGroup>();
  for (const { file, group } of placed) {
    if (group.kind === "root" || testOnly.has(group.name)) continue;
    const area = areas.get(group.name) ?? { ...group, files: 0, lines: 0 };
    area.files += 1;
    area.lines += file.additions + file.deletions;
    areas.set(group.name, area);
  }
  return sortGroups([...areas.values()]);
}
