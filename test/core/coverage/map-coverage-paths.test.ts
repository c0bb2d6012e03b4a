import {
  mapCoveragePath,
  mapCoveragePaths,
  reportDirsOf,
} from "../../../shared/core/coverage/map-coverage-paths.js";
import { createRepoPathIndex } from "../../../shared/core/coverage/repo-path-index.js";
import { makeFileCoverage, makeReport } from "./coverage-builders.js";

const REPO = [
  "src/app.ts",
  "src/util/format.ts",
  "lib/util/format.ts",
  "packages/web/src/index.ts",
  "packages/api/src/index.ts",
  "services/api/pkg/store/store.go",
  "pkg/a.go",
  "src/main/java/com/example/shop/Cart.java",
  "README.md",
];
const index = createRepoPathIndex(REPO);
const map = (path: string, roots: string[] = []) => mapCoveragePath(path, roots, index);

describe("mapCoveragePath", () => {
  it.each([
    ["a repository-relative path", "src/app.ts", [], "src/app.ts"],
    ["a ./ path", "./src/app.ts", [], "src/app.ts"],
    ["a Windows path", "src\\util\\format.ts", [], "src/util/format.ts"],
    ["an absolute CI checkout path", "/home/runner/work/app/app/src/app.ts", [], "src/app.ts"],
    ["an absolute Windows path", "D:\\a\\app\\app\\src\\util\\format.ts", [], "src/util/format.ts"],
    ["a file:// URL", "file:///builds/app/lib/util/format.ts", [], "lib/util/format.ts"],
    ["a path under a relative <source> root", "util/format.ts", ["lib"], "lib/util/format.ts"],
    [
      "a path under an absolute <source> root",
      "index.ts",
      ["/ci/app/packages/web/src"],
      "packages/web/src/index.ts",
    ],
    [
      "an absolute path inside a <source> root",
      "/ci/app/packages/api/src/index.ts",
      ["/ci/app"],
      "packages/api/src/index.ts",
    ],
    [
      "a JaCoCo package path",
      "com/example/shop/Cart.java",
      [],
      "src/main/java/com/example/shop/Cart.java",
    ],
    ["a Go import path", "github.com/org/repo/pkg/a.go", [], "pkg/a.go"],
    [
      "a Go import path of a module in a subfolder",
      "example.com/api/pkg/store/store.go",
      [],
      "services/api/pkg/store/store.go",
    ],
    ["a path leaving the project with ..", "../web/src/index.ts", [], "packages/web/src/index.ts"],
  ])("maps %s", (_name, path, roots, expected) => {
    expect(map(path, roots)).toEqual({ ok: true, repoPath: expected });
  });

  it("prefers the exact path to a longer suffix match", () => {
    const withNested = createRepoPathIndex(["src/app.ts", "web/src/app.ts"]);
    expect(mapCoveragePath("src/app.ts", [], withNested)).toEqual({
      ok: true,
      repoPath: "src/app.ts",
    });
  });

  it("picks the longest suffix match when several files end the same way", () => {
    const nested = createRepoPathIndex(["x.ts", "src/x.ts", "app/src/x.ts"]);
    expect(mapCoveragePath("/ci/app/src/x.ts", [], nested)).toEqual({
      ok: true,
      repoPath: "app/src/x.ts",
    });
  });

  it.each([
    [
      "a file the repository does not have",
      "/ci/app/src/missing.ts",
      "no repository file has this path or ends with it",
    ],
    [
      "a file known only by its name elsewhere",
      "/opt/tool/lib/app.ts",
      "no repository file has this path or ends with it",
    ],
    [
      "a path that fits two files equally",
      "util/format.ts",
      "ambiguous: 2 repository files match equally well (src/util/format.ts, lib/util/format.ts)",
    ],
    [
      "a path that fits many files equally",
      "/ci/src/index.ts",
      "ambiguous: 2 repository files match equally well (packages/web/src/index.ts, packages/api/src/index.ts)",
    ],
    ["an empty path", " ", "the report gives an empty path"],
  ])("does not map %s", (_name, path, reason) => {
    expect(map(path)).toMatchObject({ ok: false, reason });
  });

  it("lists at most three candidates of an ambiguous path", () => {
    const many = createRepoPathIndex(["a/x.ts", "b/x.ts", "c/x.ts", "d/x.ts", "e/x.ts"]);
    expect(mapCoveragePath("x.ts", [], many)).toEqual({
      ok: false,
      reason:
        "ambiguous: 5 repository files match equally well (a/x.ts, b/x.ts, c/x.ts and 2 more)",
      candidates: ["a/x.ts", "b/x.ts", "c/x.ts", "d/x.ts", "e/x.ts"],
    });
  });

  describe("without a repository file list", () => {
    const none = createRepoPathIndex([]);
    it.each([
      ["./src\\a.ts", [], "src/a.ts"],
      ["/ci/app/src/a.ts", [], "/ci/app/src/a.ts"],
      ["/ci/app/src/a.ts", ["/ci/app"], "src/a.ts"],
      ["pkg/a.py", ["src"], "src/pkg/a.py"],
      ["pkg/a.py", ["/ci/app/src"], "pkg/a.py"],
    ])("takes %j (roots %j) as %j", (path, roots, expected) => {
      expect(mapCoveragePath(path, roots, none)).toEqual({ ok: true, repoPath: expected });
    });
  });
});

describe("mapCoveragePaths", () => {
  it("maps a report's files and lists the ones it cannot place, with the report's name", () => {
    const report = makeReport({
      source: "coverage/cobertura.xml",
      format: "cobertura",
      sourceRoots: ["/ci/app/"],
      files: [
        makeFileCoverage("src/app.ts", { 1: 1 }),
        makeFileCoverage("/ci/app/lib/util/format.ts", { 1: 1 }),
        makeFileCoverage("generated/schema.ts", { 1: 0 }),
      ],
    });
    expect(mapCoveragePaths(report, index)).toEqual({
      paths: new Map([
        ["src/app.ts", "src/app.ts"],
        ["/ci/app/lib/util/format.ts", "lib/util/format.ts"],
      ]),
      unmatched: [
        {
          source: "coverage/cobertura.xml",
          path: "generated/schema.ts",
          reason: "no repository file has this path or ends with it",
          candidates: [],
        },
      ],
    });
  });
});

describe("mapCoveragePath with what the report's place and go.mod say", () => {
  const monorepo = createRepoPathIndex([
    "lib/command.js",
    "packages/cli/lib/command.js",
    "packages/other/lib/command.js",
    "moduleA/src/main/java/com/example/Pricing.java",
    "moduleB/src/main/java/com/example/Pricing.java",
    "services/idgen/go.mod",
    "services/idgen/uuid.go",
    "services/idgen/internal/hash.go",
    "tools/go.mod",
    "tools/uuid.go",
  ]);
  const goModules = [
    { dir: "services/idgen", module: "github.com/google/uuid" },
    { dir: "tools", module: "github.com/google/uuid/tools" },
  ].sort((a, b) => b.module.length - a.module.length);
  const mapFrom = (path: string, source: string) =>
    mapCoveragePath(path, [], monorepo, { reportDirs: reportDirsOf(source), goModules });

  it.each([
    ["lib/command.js", "packages/cli/coverage/lcov.info", "packages/cli/lib/command.js"],
    ["lib/command.js", "packages/other/coverage/lcov.info", "packages/other/lib/command.js"],
    ["lib/command.js", "coverage/lcov.info", "lib/command.js"],
    [
      "com/example/Pricing.java",
      "moduleB/target/site/jacoco/jacoco.xml",
      "moduleB/src/main/java/com/example/Pricing.java",
    ],
    ["github.com/google/uuid/uuid.go", "cover.out", "services/idgen/uuid.go"],
    ["github.com/google/uuid/internal/hash.go", "cover.out", "services/idgen/internal/hash.go"],
    ["github.com/google/uuid/tools/uuid.go", "cover.out", "tools/uuid.go"],
  ])("maps %j from %j to %j", (path, source, expected) => {
    expect(mapFrom(path, source)).toEqual({ ok: true, repoPath: expected });
  });

  it("names the candidates of a package path no report folder settles", () => {
    expect(mapFrom("com/example/Pricing.java", "jacoco.xml")).toMatchObject({
      ok: false,
      candidates: [
        "moduleA/src/main/java/com/example/Pricing.java",
        "moduleB/src/main/java/com/example/Pricing.java",
      ],
    });
  });

  it("does not guess inside a module: an import path names one file or none", () => {
    expect(mapFrom("github.com/google/uuid/gone.go", "cover.out")).toEqual({
      ok: false,
      reason: "its Go module has no file services/idgen/gone.go",
      candidates: [],
    });
  });

  it.each([
    ["packages/cli/coverage/lcov.info", ["packages/cli/coverage", "packages/cli", "packages"]],
    ["lcov.info", []],
    ["/tmp/lcov.info", []],
    ["../elsewhere/lcov.info", []],
  ])("takes the folders of %j as %j", (source, dirs) => {
    expect(reportDirsOf(source)).toEqual(dirs);
  });
});

describe("mapCoveragePath in a monorepo of many same-named files", () => {
  it("maps every absolute path to its own package's file", () => {
    const files = Array.from({ length: 8000 }, (_, i) => `packages/p${i}/src/index.ts`);
    const monorepo = createRepoPathIndex([...files, "index.ts"]);
    const mapped = files.map((file) =>
      mapCoveragePath(`/home/runner/work/mono/mono/${file}`, [], monorepo),
    );
    expect(mapped.every((match, i) => match.ok && match.repoPath === files[i])).toBe(true);
    expect(mapCoveragePath("src/index.ts", [], monorepo)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^ambiguous: 8000 repository files match equally well/),
    });
    expect(mapCoveragePath("/ci/checkout/index.ts", [], monorepo)).toEqual({
      ok: true,
      repoPath: "index.ts",
    });
  });
});
