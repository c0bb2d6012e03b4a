// Decides which changed files absent from every coverage report deserve a mention: files that
// look like the code the reports measure, not docs, config, tests or type declarations.

const TEST_DIRECTORIES = new Set([
  "test",
  "tests",
  "__tests__",
  "spec",
  "specs",
  "__mocks__",
  "fixtures",
  "__fixtures__",
  "testdata",
  "e2e",
]);

// Tests, stories, declarations and tool config are rarely instrumented, and should not be.
const NOT_MEASURED = [
  /\.(test|spec|e2e|stories)\.[^.]+$/i,
  /_test\.[^.]+$/i,
  /^test_[^/]*\.py$/i,
  /\.d\.[cm]?ts$/i,
  /\.config\.[^.]+$/i,
  /^\./,
];

/** The lower-case extension of a path's file name, without the dot; "" when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/**
 * Returns a predicate: does this path look like a source file the reports should have measured?
 * True when its extension is one that some report file has (so a Python report does not flag
 * a changed README.md or a TypeScript file), and it is not a test, story, type declaration,
 * tool config or dotfile.
 */
export function createSourceFileFilter(reportPaths: Iterable<string>): (path: string) => boolean {
  const measured = new Set<string>();
  for (const path of reportPaths) {
    const extension = extensionOf(path.replace(/\\/g, "/"));
    if (extension !== "") measured.add(extension);
  }
  return (path) => {
    if (!measured.has(extensionOf(path))) return false;
    const segments = path.split("/");
    const name = segments.pop() ?? "";
    if (segments.some((segment) => TEST_DIRECTORIES.has(segment.toLowerCase()))) return false;
    return !NOT_MEASURED.some((pattern) => pattern.test(name));
  };
}
