import {
  parseGitattributes,
  type LinguistAttributes,
} from "../../../shared/core/exclude/parse-gitattributes.js";
import { withRepo } from "../diff/git-repo.js";

const none: LinguistAttributes = { generated: false, vendored: false };
const generated: LinguistAttributes = { generated: true, vendored: false };
const vendored: LinguistAttributes = { generated: false, vendored: true };
const both: LinguistAttributes = { generated: true, vendored: true };

interface Case {
  name: string;
  attributes: string;
  path: string;
  expected: LinguistAttributes;
}

const cases: Case[] = [
  {
    name: "a basename pattern matches at any depth",
    attributes: "*.pb.go linguist-generated",
    path: "api/v1/x.pb.go",
    expected: generated,
  },
  {
    name: "a basename pattern matches at the root",
    attributes: "*.pb.go linguist-generated",
    path: "x.pb.go",
    expected: generated,
  },
  {
    name: "a non-matching path",
    attributes: "*.pb.go linguist-generated",
    path: "api/x.go",
    expected: none,
  },
  {
    name: "=true sets",
    attributes: "*.pb.go linguist-generated=true",
    path: "x.pb.go",
    expected: generated,
  },
  {
    name: "any value but false sets (as Linguist reads it)",
    attributes: "*.out linguist-generated=1",
    path: "a.out",
    expected: generated,
  },
  {
    name: "a later -attr unsets",
    attributes: "*.js linguist-generated\n*.js -linguist-generated",
    path: "a.js",
    expected: none,
  },
  {
    name: "a later =false unsets",
    attributes: "*.js linguist-generated\napi/*.js linguist-generated=false",
    path: "api/a.js",
    expected: none,
  },
  {
    name: "=false elsewhere leaves other paths set",
    attributes: "*.js linguist-generated\napi/*.js linguist-generated=false",
    path: "web/a.js",
    expected: generated,
  },
  {
    name: "a later !attr makes it unspecified",
    attributes: "*.js linguist-generated\nlib/*.js !linguist-generated",
    path: "lib/a.js",
    expected: none,
  },
  {
    name: "an earlier unset is overridden by a later set",
    attributes: "*.js -linguist-generated\ngen/*.js linguist-generated",
    path: "gen/a.js",
    expected: generated,
  },
  {
    name: "a line not naming the attribute does not reset it",
    attributes: "*.js linguist-generated\n*.js text eol=lf",
    path: "a.js",
    expected: generated,
  },
  {
    name: "a slash in the middle anchors at the root",
    attributes: "dist/* linguist-generated",
    path: "src/dist/a.js",
    expected: none,
  },
  {
    name: "an anchored pattern matches from the root",
    attributes: "dist/* linguist-generated",
    path: "dist/a.js",
    expected: generated,
  },
  {
    name: "`*` does not cross a slash",
    attributes: "dist/* linguist-generated",
    path: "dist/sub/a.js",
    expected: none,
  },
  {
    name: "a leading slash anchors at the root",
    attributes: "/gen.ts linguist-generated",
    path: "gen.ts",
    expected: generated,
  },
  {
    name: "a leading slash does not match deeper",
    attributes: "/gen.ts linguist-generated",
    path: "a/gen.ts",
    expected: none,
  },
  {
    name: "a trailing `/**` matches everything below",
    attributes: "dist/** linguist-generated",
    path: "dist/sub/a.js",
    expected: generated,
  },
  {
    name: "a leading `**/` matches at any depth",
    attributes: "**/gen/*.ts linguist-generated",
    path: "a/b/gen/c.ts",
    expected: generated,
  },
  {
    name: "a leading `**/` matches at the root",
    attributes: "**/gen/*.ts linguist-generated",
    path: "gen/c.ts",
    expected: generated,
  },
  {
    name: "`/**/` matches zero directories",
    attributes: "src/**/gen.ts linguist-generated",
    path: "src/gen.ts",
    expected: generated,
  },
  {
    name: "a directory name does not cover its files",
    attributes: "vendor linguist-vendored",
    path: "vendor/x.js",
    expected: none,
  },
  {
    name: "a trailing slash does not cover files either",
    attributes: "vendor/ linguist-vendored",
    path: "vendor/x.js",
    expected: none,
  },
  {
    name: "`dir/**` covers a directory's files",
    attributes: "vendor/** linguist-vendored",
    path: "vendor/lib/x.js",
    expected: vendored,
  },
  {
    name: "both attributes on one line",
    attributes: "*.min.js linguist-generated linguist-vendored",
    path: "a/b.min.js",
    expected: both,
  },
  {
    name: "the two attributes are decided separately",
    attributes: "third_party/** linguist-vendored\n*.pb.go linguist-generated",
    path: "third_party/x.pb.go",
    expected: both,
  },
  {
    name: "comments and blank lines are ignored",
    attributes: "# *.js linguist-generated\n\n   \n#*.js linguist-generated",
    path: "a.js",
    expected: none,
  },
  {
    name: "a quoted pattern with a space",
    attributes: '"my file.js" linguist-generated',
    path: "my file.js",
    expected: generated,
  },
  {
    name: "a quoted pattern with octal UTF-8",
    attributes: '"t\\303\\251st.js" linguist-generated',
    path: "tést.js",
    expected: generated,
  },
  {
    name: "a negated pattern is ignored",
    attributes: "!*.js linguist-generated",
    path: "a.js",
    expected: none,
  },
  {
    name: "CRLF line endings",
    attributes: "*.js linguist-generated\r\n*.css linguist-vendored\r\n",
    path: "a.js",
    expected: generated,
  },
  {
    name: "a tab separates pattern and attributes",
    attributes: "*.js\tlinguist-generated",
    path: "a.js",
    expected: generated,
  },
  {
    name: "wildcards match dotfiles",
    attributes: "*.lock linguist-generated",
    path: "a/.hidden.lock",
    expected: generated,
  },
  {
    name: "`?` matches one character",
    attributes: "file?.txt linguist-generated",
    path: "file10.txt",
    expected: none,
  },
  {
    name: "character classes",
    attributes: "[ab].txt linguist-generated",
    path: "b.txt",
    expected: generated,
  },
  {
    name: "matching is case-sensitive",
    attributes: "*.JS linguist-generated",
    path: "a.js",
    expected: none,
  },
  {
    name: "`*` alone matches every file",
    attributes: "* linguist-vendored",
    path: "a/b/c",
    expected: vendored,
  },
  {
    name: "a macro sets what it stands for",
    attributes: "[attr]gen linguist-generated\n*.out gen",
    path: "a.out",
    expected: generated,
  },
  {
    name: "an unset macro sets nothing",
    attributes: "[attr]gen linguist-generated\n*.out -gen",
    path: "a.out",
    expected: none,
  },
];

describe("parseGitattributes", () => {
  it.each(cases)("$name", ({ attributes, path, expected }) => {
    expect(parseGitattributes(attributes)(path)).toEqual(expected);
  });

  it("finds nothing without a .gitattributes file", () => {
    expect(parseGitattributes(null)("any/file.js")).toEqual(none);
  });
});

/** What `git check-attr` says, read the way Linguist reads it. */
function gitCheckAttr(attributes: string, path: string): LinguistAttributes {
  const output = withRepo({ base: { ".gitattributes": attributes }, head: {} }, (git) =>
    git(["check-attr", "-z", "linguist-generated", "linguist-vendored", "--", path]),
  );
  const fields = output.split("\0");
  const isSet = (value: string | undefined) =>
    value !== "unset" && value !== "unspecified" && value !== "false";
  return { generated: isSet(fields[2]), vendored: isSet(fields[5]) };
}

describe("parseGitattributes agrees with git check-attr", () => {
  it.each(cases)("$name", ({ attributes, path, expected }) => {
    expect(gitCheckAttr(attributes, path)).toEqual(expected);
  });
});
