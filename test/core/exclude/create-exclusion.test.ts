import {
  createExclusion,
  type ExclusionReason,
} from "../../../shared/core/exclude/create-exclusion.js";

const gitattributes = [
  "*.pb.go linguist-generated",
  "third_party/** linguist-vendored",
  "third_party/gen/** linguist-generated",
  "web/package-lock.json -linguist-generated",
  "docs/*.md linguist-vendored=false",
].join("\n");

const userGlobs = ["**/*.snap", "docs/", "!docs/keep.md"];

describe("createExclusion", () => {
  const exclude = createExclusion(gitattributes, userGlobs);

  it.each<[string, ExclusionReason | null]>([
    ["package-lock.json", "lockfile"],
    // A lockfile stays a lockfile even if .gitattributes says it is not generated.
    ["web/package-lock.json", "lockfile"],
    ["api/v1/service.pb.go", "generated"],
    ["third_party/lib/x.c", "vendored"],
    // Generated wins over vendored when both apply.
    ["third_party/gen/y.c", "generated"],
    ["src/__snapshots__/a.test.ts.snap", "config"],
    ["docs/guide.md", "config"],
    ["docs/keep.md", null],
    ["src/index.ts", null],
  ])("%s -> %s", (path, reason) => {
    expect(exclude(path)).toBe(reason);
  });

  it("uses only the built-in lockfile list without .gitattributes or globs", () => {
    const builtIn = createExclusion(null, []);

    expect(["yarn.lock", "a.pb.go", "x.snap"].map(builtIn)).toEqual(["lockfile", null, null]);
  });
});
