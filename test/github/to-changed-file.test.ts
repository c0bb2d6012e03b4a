// How one API file entry becomes a ChangedFile.
import { toChangedFile } from "../../shared/github/to-changed-file.js";

const entry = (overrides: object) => ({
  filename: "a.ts",
  status: "modified",
  additions: 0,
  deletions: 0,
  ...overrides,
});

describe("toChangedFile", () => {
  it.each([
    ["added", "added"],
    ["removed", "deleted"],
    ["modified", "modified"],
    ["renamed", "renamed"],
    ["copied", "copied"],
    ["changed", "mode-only"],
    ["unchanged", "mode-only"],
    ["something-new", "modified"],
  ])("maps status %s to %s", (status, expected) => {
    expect(toChangedFile(entry({ status, patch: "@@ -1 +1 @@\n-a\n+b" })).status).toBe(expected);
  });

  it("reads added line numbers from the patch and counts from the API", () => {
    const file = toChangedFile(
      entry({ additions: 2, deletions: 1, patch: "@@ -1,3 +1,4 @@\n a\n-b\n+c\n+d\n e" }),
    );
    expect(file).toEqual({
      path: "a.ts",
      status: "modified",
      binary: false,
      additions: 2,
      deletions: 1,
      addedLines: [2, 3],
    });
  });

  it.each([
    [
      "a too-large text diff: not evaluated",
      entry({ additions: 9000, deletions: 3 }),
      { binary: false, patchMissing: true },
    ],
    ["a binary change: binary, no lines", entry({}), { binary: true, patchMissing: true }],
    ["an added binary", entry({ status: "added" }), { binary: true, patchMissing: true }],
    [
      "a pure rename: nothing to evaluate",
      entry({ status: "renamed", previous_filename: "b.ts" }),
      { binary: false, previousPath: "b.ts" },
    ],
    ["a mode change", entry({ status: "changed" }), { binary: false }],
  ])("without a patch, %s", (_name, input, expected) => {
    const file = toChangedFile(input);
    expect(file).toMatchObject({ addedLines: [], ...expected });
    if (!("patchMissing" in expected)) expect(file.patchMissing).toBeUndefined();
  });
});
