import { createGlobMatcher } from "../../../shared/core/exclude/match-glob.js";
import { withRepo } from "../diff/git-repo.js";

interface Case {
  patterns: string[];
  path: string;
  excluded: boolean;
  /** False where the documented semantics deliberately differ from .gitignore. */
  sameAsGitignore?: boolean;
}

const cases: Case[] = [
  // A pattern without a slash names a file or directory at any depth.
  { patterns: ["*.snap"], path: "x.snap", excluded: true },
  { patterns: ["*.snap"], path: "a/b/x.snap", excluded: true },
  { patterns: ["*.snap"], path: "a/b/x.snap.js", excluded: false },
  { patterns: ["vendor"], path: "vendor", excluded: true },
  { patterns: ["vendor"], path: "a/vendor/y.js", excluded: true },
  { patterns: ["vendor"], path: "vendors/y.js", excluded: false },
  // A leading slash or a slash in the middle anchors at the root.
  { patterns: ["/build"], path: "build/out.js", excluded: true },
  { patterns: ["/build"], path: "src/build/out.js", excluded: false },
  { patterns: ["docs/api"], path: "docs/api/x.md", excluded: true },
  { patterns: ["docs/api"], path: "src/docs/api/x.md", excluded: false },
  { patterns: ["docs/*.md"], path: "docs/a.md", excluded: true },
  { patterns: ["docs/*.md"], path: "docs/sub/a.md", excluded: false },
  // A trailing slash matches directories only, and everything under them.
  { patterns: ["vendor/"], path: "vendor/x/y.js", excluded: true },
  { patterns: ["vendor/"], path: "a/vendor/z", excluded: true },
  { patterns: ["vendor/"], path: "vendor", excluded: false },
  { patterns: ["src/gen/"], path: "src/gen/a/b.ts", excluded: true },
  { patterns: ["src/gen/"], path: "lib/src/gen/b.ts", excluded: false },
  // `**` spans any number of directories.
  { patterns: ["**/*.snap"], path: "x.snap", excluded: true },
  { patterns: ["**/*.snap"], path: "a/b/c/x.snap", excluded: true },
  { patterns: ["a/**/b.ts"], path: "a/b.ts", excluded: true },
  { patterns: ["a/**/b.ts"], path: "a/x/y/b.ts", excluded: true },
  { patterns: ["logs/**"], path: "logs/2024/a.log", excluded: true },
  { patterns: ["logs/**"], path: "src/logs/a.log", excluded: false },
  { patterns: ["**/__snapshots__/"], path: "src/__snapshots__/a.snap", excluded: true },
  // Wildcards match dotfiles.
  { patterns: ["*.lock"], path: ".hidden.lock", excluded: true },
  { patterns: ["*.lock"], path: "a/.hidden.lock", excluded: true },
  { patterns: ["**/*"], path: ".github/workflows/ci.yml", excluded: true },
  { patterns: ["*"], path: ".env", excluded: true },
  // `*` and `?` do not cross a slash; classes work.
  { patterns: ["src/*.ts"], path: "src/a/b.ts", excluded: false },
  { patterns: ["file?.txt"], path: "file1.txt", excluded: true },
  { patterns: ["file?.txt"], path: "file10.txt", excluded: false },
  { patterns: ["[ab].txt"], path: "b.txt", excluded: true },
  // Case-sensitive.
  { patterns: ["*.MD"], path: "README.md", excluded: false },
  // `!` re-includes; the last matching pattern wins.
  { patterns: ["*.snap", "!keep.snap"], path: "a/keep.snap", excluded: false },
  { patterns: ["*.snap", "!keep.snap"], path: "a/other.snap", excluded: true },
  { patterns: ["!keep.snap", "*.snap"], path: "keep.snap", excluded: true },
  { patterns: ["*.snap", "!keep.snap", "a/*.snap"], path: "a/keep.snap", excluded: true },
  {
    patterns: ["vendor/", "!vendor/keep.js"],
    path: "vendor/keep.js",
    excluded: false,
    sameAsGitignore: false,
  },
  { patterns: ["!*.js"], path: "a.js", excluded: false },
  // Escapes, whitespace and empty patterns.
  { patterns: ["\\!important.txt"], path: "!important.txt", excluded: true },
  { patterns: ["\\#note.txt"], path: "#note.txt", excluded: true },
  { patterns: ["  *.snap  "], path: "a.snap", excluded: true, sameAsGitignore: false },
  { patterns: ["", "   ", "/"], path: "a.txt", excluded: false },
  { patterns: [], path: "a.txt", excluded: false },
  // Braces work as in picomatch (not in .gitignore).
  { patterns: ["*.{snap,lock}"], path: "a/b.lock", excluded: true, sameAsGitignore: false },
];

const label = ({ patterns, path, excluded }: Case) =>
  `${JSON.stringify(patterns)} ${excluded ? "excludes" : "keeps"} ${path}`;

describe("createGlobMatcher", () => {
  it.each(cases.map((c) => ({ ...c, label: label(c) })))(
    "$label",
    ({ patterns, path, excluded }) => {
      expect(createGlobMatcher(patterns)(path)).toBe(excluded);
    },
  );
});

function gitIgnores(patterns: string[], path: string): boolean {
  return withRepo({ base: { ".gitignore": patterns.join("\n") + "\n" }, head: {} }, (git) => {
    // `-v -n` prints `<source>:<line>:<pattern>\t<path>`, with empty fields when nothing matched.
    // It exits with 1 when nothing matched, but still prints the line.
    let output: string;
    try {
      output = git(["check-ignore", "--no-index", "-v", "-n", "--", path]);
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const pattern = output.slice(0, output.indexOf("\t")).split(":").slice(2).join(":");
    return pattern !== "" && !pattern.startsWith("!");
  });
}

describe("createGlobMatcher agrees with .gitignore where the semantics say so", () => {
  const comparable = cases.filter((c) => c.sameAsGitignore !== false && c.patterns.length > 0);
  it.each(comparable.map((c) => ({ ...c, label: label(c) })))(
    "$label",
    ({ patterns, path, excluded }) => {
      expect(gitIgnores(patterns, path)).toBe(excluded);
    },
  );
});
