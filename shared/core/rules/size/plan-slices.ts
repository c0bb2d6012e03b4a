// The slices the size rule suggests: its groups, except that tests never become a slice of their
// own. A pull request of code without its tests would fail `coverage`, and one of tests without
// their code tests nothing, so a test file in a test-only directory (`test/`, `tests/`) travels
// with the code file of the same name.
import type { ChangedFile } from "../../facts.js";
import { createGroupOf, sortGroups, type GroupOf, type SizeGroup } from "./group-by-package.js";

export interface SlicePlan {
  /** Code groups, each with the tests found for it. */
  slices: SizeGroup[];
  /** Tests in test-only directories whose code is not in this change (or not found by name). */
  unplacedTests: { files: number; lines: number };
}

const TEST_DIR = /(?:^|\/)(?:tests?|__tests__|specs?|testdata|fixtures|__snapshots__)\//;
const TEST_FILE = /(?:[._-](?:test|spec)s?\.[^/]+$|_test\.go$|(?:^|\/)test_[^/]+\.py$)/;

export function isTestPath(path: string): boolean {
  return TEST_DIR.test(path) || TEST_FILE.test(path);
}

/** `core/foo.test.ts` → `foo`; `x/test_bar.py` → `bar`; `pkg/baz_test.go` → `baz`. */
function stemOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return name
    .replace(/^test_/, "")
    .replace(/\.[^.]+$/, "")
    .replace(/[._-](?:test|spec)s?$/, "");
}

/** `groupOf` may be the one the caller made for the same files and paths (it is not cheap). */
export function planSlices(
  files: readonly ChangedFile[],
  knownPaths: readonly string[],
  groupOf: GroupOf = createGroupOf(files, knownPaths),
): SlicePlan {
  // Each path is classified once: thousands of changed files make regular expressions add up.
  const placed = files.map((file) => ({
    file,
    group: groupOf(file.path),
    isTest: isTestPath(file.path),
  }));
  const testOnly = new Set(placed.map((p) => p.group.name));
  for (const { group, isTest } of placed) if (!isTest) testOnly.delete(group.name);

  const slices = new Map<string, SizeGroup>();
  const codeByStem = new Map<string, string>();
  const add = (name: string, kind: SizeGroup["kind"], file: ChangedFile): void => {
    const slice = slices.get(name) ?? { name, kind, files: 0, lines: 0 };
    slice.files += 1;
    slice.lines += file.additions + file.deletions;
    slices.set(name, slice);
  };
  for (const { file, group, isTest } of placed) {
    if (testOnly.has(group.name)) continue;
    add(group.name, group.kind, file);
    if (isTest) continue;
    const stem = stemOf(file.path);
    if (!codeByStem.has(stem)) codeByStem.set(stem, group.name);
  }
  const unplacedTests = { files: 0, lines: 0 };
  for (const { file, group } of placed) {
    if (!testOnly.has(group.name)) continue;
    const home = codeByStem.get(stemOf(file.path));
    const slice = home === undefined ? undefined : slices.get(home);
    if (slice === undefined) {
      unplacedTests.files += 1;
      unplacedTests.lines += file.additions + file.deletions;
    } else add(slice.name, slice.kind, file);
  }
  return { slices: sortGroups([...slices.values()]), unplacedTests };
}
