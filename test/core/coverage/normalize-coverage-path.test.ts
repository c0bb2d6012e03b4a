import fc from "fast-check";
import {
  isAbsoluteCoveragePath,
  normalizeCoveragePath,
  pathSegments,
} from "../../../shared/core/coverage/normalize-coverage-path.js";

describe("normalizeCoveragePath", () => {
  it.each([
    ["src/a.ts", "src/a.ts"],
    ["./src/a.ts", "src/a.ts"],
    ["././src//a.ts", "src/a.ts"],
    ["src\\lib\\a.ts", "src/lib/a.ts"],
    [".\\src\\a.ts", "src/a.ts"],
    ["C:\\Users\\ci\\app\\src\\a.ts", "C:/Users/ci/app/src/a.ts"],
    ["/home/runner/work/app/app/src/a.ts", "/home/runner/work/app/app/src/a.ts"],
    ["/app/build/../src/./a.ts", "/app/src/a.ts"],
    ["/../a.ts", "/a.ts"],
    ["../shared/a.ts", "../shared/a.ts"],
    ["src/../../a.ts", "../a.ts"],
    ["C:/../a.ts", "C:/../a.ts"],
    ["file:///home/ci/app/src/a%20b.ts", "/home/ci/app/src/a b.ts"],
    ["file:///C:/ci/app/a.ts", "C:/ci/app/a.ts"],
    ["  src/a.ts \n", "src/a.ts"],
    ["", ""],
  ])("%j → %j", (path, expected) => {
    expect(normalizeCoveragePath(path)).toBe(expected);
  });

  // Paths already in shape skip the work; `./` in front forces it, and must change nothing.
  it("returns a relative path as the full normalisation would", () => {
    const piece = fc.constantFrom("a", "b.ts", ".", "..", "...", "/", "//", "\\", " ", "\t", "C:");
    const relative = fc
      .array(piece, { maxLength: 12 })
      .map((pieces) => pieces.join(""))
      .filter((path) => !/^[\s/\\]/.test(path));
    fc.assert(
      fc.property(relative, (path) => {
        expect(normalizeCoveragePath(path)).toBe(normalizeCoveragePath(`./${path}`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("isAbsoluteCoveragePath", () => {
  it.each([
    ["/home/a.ts", true],
    ["C:/a.ts", true],
    ["c:", true],
    ["src/a.ts", false],
    ["../a.ts", false],
    ["github.com/org/repo/a.go", false],
  ])("%j → %s", (path, expected) => {
    expect(isAbsoluteCoveragePath(path)).toBe(expected);
  });
});

describe("pathSegments", () => {
  it("drops empty and leading `..` segments, which say nothing about a path's tail", () => {
    expect(pathSegments("../../src/a.ts")).toEqual(["src", "a.ts"]);
    expect(pathSegments("/home/a.ts")).toEqual(["home", "a.ts"]);
  });
});
