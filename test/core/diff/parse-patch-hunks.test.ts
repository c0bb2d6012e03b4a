import { parsePatchHunks } from "../../../shared/core/diff/parse-patch-hunks.js";
import { gitDiffCases } from "./git-diff-cases.js";
import { gitDiff } from "./git-repo.js";

/** What GitHub's API returns as each file's `patch`: the hunks, without the git header. */
function githubPatches(diff: string): string[] {
  return diff
    .split(/^diff --git .*\n/m)
    .slice(1)
    .map((section) => {
      const hunkStart = section.search(/^@@ /m);
      return hunkStart === -1 ? "" : section.slice(hunkStart).replace(/\n$/, "");
    });
}

describe("parsePatchHunks on the hunks GitHub's API returns", () => {
  it.each(gitDiffCases.filter((c) => c.expected.length > 0))(
    "$name",
    ({ change, options, expected }) => {
      const patches = githubPatches(gitDiff(change, options));

      expect(patches.map(parsePatchHunks)).toEqual(
        expected.map(({ additions, deletions, addedLines }) => ({
          additions,
          deletions,
          addedLines,
        })),
      );
    },
  );

  it.each([
    { name: "an empty patch", patch: "", expected: { additions: 0, deletions: 0, addedLines: [] } },
    {
      name: "counts omitted from the header mean 1",
      patch: "@@ -3 +3 @@\n-a\n+b",
      expected: { additions: 1, deletions: 1, addedLines: [3] },
    },
    {
      name: "a new file",
      patch: "@@ -0,0 +1,2 @@\n+x\n+y\n\\ No newline at end of file",
      expected: { additions: 2, deletions: 0, addedLines: [1, 2] },
    },
    {
      name: "a `+++` and `---` line inside a hunk are content",
      patch: "@@ -1,2 +1,2 @@\n---- old\n ctx\n++++ new",
      expected: { additions: 1, deletions: 1, addedLines: [2] },
    },
    {
      name: "a hunk cut short by the API stops at the last line",
      patch: "@@ -1,5 +1,6 @@\n a\n+b\n c",
      expected: { additions: 1, deletions: 0, addedLines: [2] },
    },
  ])("$name", ({ patch, expected }) => {
    expect(parsePatchHunks(patch)).toEqual(expected);
  });
});
