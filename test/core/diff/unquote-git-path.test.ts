import { readQuoted, unquoteGitPath } from "../../../shared/core/diff/unquote-git-path.js";

describe("unquoteGitPath", () => {
  it.each([
    ["plain.txt", "plain.txt"],
    ["with space.txt", "with space.txt"],
    ['"a/t\\303\\251st.txt"', "a/tést.txt"],
    ['"\\346\\227\\245\\346\\234\\254.md"', "日本.md"],
    ['"\\360\\237\\230\\200.txt"', "😀.txt"],
    ['"tab\\there"', "tab\there"],
    ['"new\\nline"', "new\nline"],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"back\\\\slash"', "back\\slash"],
    ['"bell\\a\\b\\f\\v\\r"', "bell\x07\b\f\v\r"],
    ['"raw tést"', "raw tést"],
    ['"t\\303\\251\\303\\251t"', "téét"],
    // Not a whole quoted string: left as it is.
    ['"unterminated', '"unterminated'],
    ['"a" "b"', '"a" "b"'],
  ])("%s -> %j", (quoted, expected) => {
    expect(unquoteGitPath(quoted)).toBe(expected);
  });

  it("an invalid UTF-8 byte becomes U+FFFD instead of throwing", () => {
    expect(unquoteGitPath('"x\\377y"')).toBe("x\ufffdy");
  });
});

describe("readQuoted", () => {
  it("reads one quoted token and says where it ends", () => {
    expect(readQuoted('"a/x y" "b/z"', 0)).toEqual({ value: "a/x y", end: 7 });
    expect(readQuoted('"a/x y" "b/z"', 8)).toEqual({ value: "b/z", end: 13 });
  });
});
