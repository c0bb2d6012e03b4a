import { readHeaderPath, splitDiffGitLine } from "../../../shared/core/diff/read-header-path.js";

describe("readHeaderPath", () => {
  it.each([
    ["a/src/x.ts", "src/x.ts"],
    ["a/my file.txt\t", "my file.txt"],
    ["a/old.txt\t2024-01-01 10:00:00.000000000 +0100", "old.txt"],
    ['"a/t\\303\\251st.txt"', "tést.txt"],
    ["/dev/null", null],
    ["a/dev/null", "dev/null"],
    ["plain/no-prefix.txt", "plain/no-prefix.txt"],
  ])("--- %j -> %j", (text, expected) => {
    expect(readHeaderPath(text, "a/")).toBe(expected);
  });
});

describe("splitDiffGitLine", () => {
  it.each([
    ["a/x.txt b/x.txt", "x.txt", "x.txt"],
    ["a/my file.txt b/my file.txt", "my file.txt", "my file.txt"],
    ["a/x b/y.png b/x b/y.png", "x b/y.png", "x b/y.png"],
    ["a/old.txt b/new.txt", "old.txt", "new.txt"],
    ['"a/t\\303\\251st" "b/t\\303\\251st"', "tést", "tést"],
    ['a/plain.txt "b/t\\303\\251st.txt"', "plain.txt", "tést.txt"],
    ['"a/t\\303\\251st.txt" b/plain.txt', "tést.txt", "plain.txt"],
  ])("diff --git %s", (rest, oldPath, newPath) => {
    expect(splitDiffGitLine(rest)).toEqual({ oldPath, newPath });
  });
});
