import { sizeRuleSchema } from "../../../../shared/core/rules/size/schema.js";
import { sizeRule } from "../../../../shared/core/rules/size/size.js";
import type { ChangedFile } from "../../../../shared/core/types.js";
import { makeFacts, makeFile, makeRuleContext } from "../../../builders/make-facts.js";

const config = (overrides: object = {}) => sizeRuleSchema().parse(overrides);
const lockfiles = makeRuleContext({ isGenerated: (path) => path.endsWith("package-lock.json") });
const run = (files: ChangedFile[], overrides: object = {}, facts: object = {}) =>
  sizeRule(makeFacts({ files, ...facts }), config(overrides), lockfiles);
const files = (count: number, additions = 1) =>
  Array.from({ length: count }, (_, i) => makeFile({ path: `src/f${i}.ts`, additions }));

describe("size rule", () => {
  it.each([
    ["nothing changed", "pass", []],
    ["10 lines in 1 file", "pass", [makeFile({ additions: 10 })]],
    ["250 lines, at the warning threshold", "pass", [makeFile({ additions: 200, deletions: 50 })]],
    ["251 lines", "warn", [makeFile({ additions: 251 })]],
    ["400 lines, at the limit", "warn", [makeFile({ additions: 400 })]],
    ["401 lines", "fail", [makeFile({ additions: 300, deletions: 101 })]],
    ["25 files", "pass", files(25)],
    ["26 files", "warn", files(26)],
    ["41 files", "fail", files(41)],
  ])("%s: %s", (_case, status, changed) => {
    expect(run(changed).status).toBe(status);
  });

  it("reports the measured figure and the limit in one line", () => {
    const result = run([makeFile({ additions: 300, deletions: 120 })]);
    expect(result.summary).toBe("Too large: 420 lines in 1 file (L), limit 400 lines and 40 files");
    expect(result.summary).not.toContain("\n");
  });

  it("warns with the thresholds in the summary", () => {
    expect(run([makeFile({ additions: 260 })]).summary).toBe(
      "Getting large: 260 lines in 1 file (L), warns above 250 lines or 25 files, limit 400 lines and 40 files",
    );
  });

  it("reports every metric", () => {
    const result = run([
      makeFile({ path: "src/a.ts", additions: 30, deletions: 5 }),
      makeFile({ path: "package-lock.json", additions: 5000 }),
      makeFile({ path: "src/big.json", additions: 7, patchMissing: true }),
    ]);
    expect(result.metrics).toEqual({
      lines: 42,
      files: 2,
      excludedFiles: 1,
      bucket: "M",
      additions: 37,
      deletions: 5,
      notEvaluatedFiles: 1,
    });
  });

  it("takes its level from the config", () => {
    expect(run([], { level: "warn" }).level).toBe("warn");
    expect(run([]).id).toBe("size");
  });

  describe("exclusions", () => {
    it.each([
      ["a built-in exclusion (context.isGenerated)", "web/package-lock.json", {}, true],
      ["a user glob", "src/__snapshots__/a.test.ts.snap", { exclude: ["*.snap"] }, true],
      [
        "a user glob re-included with !",
        "src/keep.snap",
        { exclude: ["*.snap", "!keep.snap"] },
        false,
      ],
      ["a normal file", "src/a.ts", { exclude: ["*.snap"] }, false],
    ])("%s", (_case, path, overrides, excluded) => {
      const result = run([makeFile({ path, additions: 900 })], overrides);
      expect(result.metrics.excludedFiles).toBe(excluded ? 1 : 0);
      expect(result.status).toBe(excluded ? "pass" : "fail");
    });

    it.each([
      ["out of an excluded directory: counted", "src/x.ts", "vendor/x.ts", 1],
      ["into an excluded directory: excluded", "vendor/x.ts", "src/x.ts", 0],
    ])("judges a rename by its head path: %s", (_case, path, previousPath, counted) => {
      const rename = makeFile({ path, previousPath, status: "renamed", additions: 3 });
      expect(run([rename], { exclude: ["vendor/"] }).metrics.files).toBe(counted);
    });

    it("names why each file was not counted", () => {
      const facts = {
        gitattributes: "dist/** linguist-generated\nthird_party/** linguist-vendored\n",
      };
      const context = makeRuleContext({
        isGenerated: (path) => /lock\.json$|^dist\/|^third_party\//.test(path),
      });
      const result = sizeRule(
        makeFacts({
          ...facts,
          files: ["package-lock.json", "dist/a.js", "third_party/b.c", "x.snap", "src/a.ts"].map(
            (path) => makeFile({ path, additions: 10 }),
          ),
        }),
        config({ exclude: ["*.snap"] }),
        context,
      );
      expect(result.details).toContain(
        "**Not counted:** 4 files: 1 lockfile, 1 generated (`linguist-generated`), 1 vendored (`linguist-vendored`), 1 matches `rules.size.exclude`.",
      );
      expect(result.details).toContain("- `dist/a.js` (generated)");
    });

    it("folds a long list of excluded files", () => {
      const excluded = Array.from({ length: 6 }, (_, i) => makeFile({ path: `gen/${i}.snap` }));
      const result = run(excluded, { exclude: ["*.snap"] });
      expect(result.details).toContain("<details><summary>Files not counted</summary>");
    });
  });

  describe("files GitHub gave no diff for", () => {
    it("counts them as files, says they were not evaluated, and does not pass", () => {
      const result = run([makeFile({ path: "data/huge.csv", additions: 0, patchMissing: true })]);
      expect(result.status).toBe("warn");
      expect(result.metrics).toMatchObject({ files: 1, notEvaluatedFiles: 1 });
      expect(result.summary).toContain("1 not evaluated (no diff from GitHub)");
      expect(result.details).toContain("`data/huge.csv`");
    });

    it("does not flag binary files, which have no lines to count", () => {
      const image = makeFile({ path: "logo.png", binary: true, additions: 0, patchMissing: true });
      expect(run([image]).status).toBe("pass");
    });

    it("still fails when the counted lines are over the limit", () => {
      const result = run([
        makeFile({ additions: 500 }),
        makeFile({ path: "x", patchMissing: true }),
      ]);
      expect(result.status).toBe("fail");
    });
  });

  it("fails a truncated file list: the PR is beyond the API's file cap", () => {
    const result = run(files(3), {}, { filesTruncated: true });
    expect(result.status).toBe("fail");
    expect(result.summary).toMatch(/^Too large to measure: GitHub's file list stops at its cap/);
    expect(result.details).toContain("could not be measured in full");
  });

  describe("advice", () => {
    it("shows where the lines are, by package, and suggests slices", () => {
      const result = run([
        makeFile({ path: "packages/a/src/x.ts", additions: 320 }),
        makeFile({ path: "packages/b/src/y.ts", additions: 90 }),
        makeFile({ path: "docs/readme.md", additions: 10 }),
      ]);
      expect(result.status).toBe("fail");
      expect(result.details).toContain(
        [
          "| Package or directory | Files | Lines |",
          "|---|---:|---:|",
          "| `packages/a` (package) | 1 | 320 |",
          "| `packages/b` (package) | 1 | 90 |",
          "| `docs` | 1 | 10 |",
        ].join("\n"),
      );
      expect(result.details).toContain("- Split by package, each with its tests:");
      expect(result.details).toContain(
        "  - `packages/a` (320 lines, 1 file) could be its own pull request.",
      );
    });

    it("says when one group alone is over the limit", () => {
      const result = run([
        makeFile({ path: "a/x", additions: 450 }),
        makeFile({ path: "b/y", additions: 5 }),
      ]);
      expect(result.details).toContain("- Split by directory, each with its tests:");
      expect(result.details).toContain(
        "`a` (450 lines, 1 file) alone is above the limit of 400 lines",
      );
    });

    it("suggests splitting by concern when everything is in one place", () => {
      const result = run([
        makeFile({ path: "src/a.ts", additions: 300 }),
        makeFile({ path: "src/b.ts", additions: 200 }),
      ]);
      expect(result.details).toContain("All counted lines are in `src`: split by concern instead.");
    });

    it.each([
      [
        "a top-level test directory matched by file name",
        [
          makeFile({ path: "shared/core/size.ts", additions: 150 }),
          makeFile({ path: "cli/main.ts", additions: 100 }),
          makeFile({ path: "tests/core/size.test.ts", additions: 292 }),
        ],
        ["`shared` (442 lines, 2 files) alone is above", "`cli` (100 lines, 1 file) could be"],
        null,
      ],
      [
        "Go and Python test names",
        [
          makeFile({ path: "svc/a/handler.go", additions: 200 }),
          makeFile({ path: "test/handler_test.go", additions: 150 }),
          makeFile({ path: "lib/parse.py", additions: 60 }),
          makeFile({ path: "tests/test_parse.py", additions: 40 }),
        ],
        ["`svc` (350 lines, 2 files) could be", "`lib` (100 lines, 2 files) could be"],
        null,
      ],
      [
        "tests whose code is not in the change",
        [
          makeFile({ path: "src/a.ts", additions: 300 }),
          makeFile({ path: "docs/a.md", additions: 50 }),
          makeFile({ path: "tests/other.test.ts", additions: 292 }),
        ],
        ["`src` (300 lines, 1 file) could be"],
        "292 lines of tests in 1 file could not be matched to code by name",
      ],
    ])("never suggests tests as a slice of their own: %s", (_case, changed, slices, unplaced) => {
      const details = run(changed).details;
      const advice = details.slice(details.indexOf("**How to slice it**"));
      for (const slice of slices) expect(advice).toContain(slice);
      expect(advice).not.toMatch(/`tests?`[^\n]*could be its own pull request/);
      expect(advice).not.toMatch(/`tests?`[^\n]*alone is above/);
      if (unplaced === null) expect(advice).not.toContain("could not be matched");
      else expect(advice).toContain(unplaced);
    });

    it("gives no slicing advice when the size is fine", () => {
      expect(run([makeFile({ additions: 20 })]).details).toBe("");
    });

    it("escapes directory names it quotes, in code spans safe for a table", () => {
      const result = run([makeFile({ path: "we`ird|@team/x.ts", additions: 900 })]);
      expect(result.details).toContain("| ``we`ird\\|@team`` | 1 | 900 |");
    });
  });
});
