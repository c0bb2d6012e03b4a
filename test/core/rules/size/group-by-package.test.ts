import { groupByPackage } from "../../../../shared/core/rules/size/group-by-package.js";
import { makeFile } from "../../../builders/make-facts.js";

const file = (path: string, additions: number) => makeFile({ path, additions });

describe("groupByPackage", () => {
  it.each([
    ["a conventional package parent", "packages/api/src/a.ts", [], "packages/api", "package"],
    ["apps/", "apps/web/pages/index.tsx", [], "apps/web", "package"],
    ["a top-level directory", "src/a/b.ts", [], "src", "directory"],
    ["a file at the root", "README.md", [], ".", "root"],
    [
      "a directory holding a manifest in the repo",
      "tools/lint/x.go",
      ["tools/lint/go.mod"],
      "tools/lint",
      "package",
    ],
    [
      "the deepest manifest",
      "packages/a/vendor/b/c.js",
      ["packages/a/vendor/b/package.json"],
      "packages/a/vendor/b",
      "package",
    ],
    ["a root manifest, which is not a package", "src/x.ts", ["package.json"], "src", "directory"],
    ["a file directly under packages/", "packages/README.md", [], "packages", "directory"],
  ])("groups by %s", (_case, path, known, name, kind) => {
    expect(groupByPackage([file(path, 1)], known)).toEqual([{ name, kind, files: 1, lines: 1 }]);
  });

  it("finds package roots from changed manifests", () => {
    const groups = groupByPackage(
      [file("lib/core/Cargo.toml", 1), file("lib/core/src/x.rs", 5)],
      [],
    );
    expect(groups).toEqual([{ name: "lib/core", kind: "package", files: 2, lines: 6 }]);
  });

  it("sorts by lines, then files, descending, then by name", () => {
    const groups = groupByPackage(
      [file("b/1", 5), file("a/1", 5), file("c/1", 2), file("c/2", 3), file("d/1", 50)],
      [],
    );
    expect(groups.map((g) => [g.name, g.lines, g.files])).toEqual([
      ["d", 50, 1],
      ["c", 5, 2],
      ["a", 5, 1],
      ["b", 5, 1],
    ]);
  });

  it("groups each file by its own folder, whatever files came before it", () => {
    const groups = groupByPackage(
      [
        file("README.md", 1),
        file("/odd.md", 1),
        file("packages/README.md", 1),
        file("packages/api/a.ts", 1),
        file("packages/api/src/b.ts", 1),
        file("packages/api/src/c.ts", 1),
        file("src/x.ts", 1),
        file("src/y.ts", 1),
      ],
      [],
    );
    expect(groups.map((g) => [g.name, g.kind, g.files])).toEqual([
      ["packages/api", "package", 3],
      ["src", "directory", 2],
      ["", "directory", 1],
      [".", "root", 1],
      ["packages", "directory", 1],
    ]);
  });

  it("counts deletions as lines", () => {
    const groups = groupByPackage([makeFile({ path: "src/x", additions: 2, deletions: 3 })], []);
    expect(groups[0]?.lines).toBe(5);
  });
});
