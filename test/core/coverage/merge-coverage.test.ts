import { mergeCoverage } from "../../../shared/core/coverage/merge-coverage.js";
import type { MergedCoverage } from "../../../shared/core/coverage/merge-coverage.js";
import { makeFileCoverage, makeReport, plainFile, type PlainFile } from "./coverage-builders.js";

const plain = (merged: MergedCoverage): Record<string, PlainFile> =>
  Object.fromEntries([...merged.files].map(([path, file]) => [path, plainFile(file)]));

describe("mergeCoverage", () => {
  it("adds up hits for the same file across reports", () => {
    const unit = makeReport({ files: [makeFileCoverage("src/a.ts", { 1: 1, 2: 0, 3: 0 })] });
    const e2e = makeReport({
      source: "e2e/lcov.info",
      files: [makeFileCoverage("/ci/app/src/a.ts", { 2: 4, 3: 0, 5: 1 })],
    });
    expect(plain(mergeCoverage([unit, e2e], ["src/a.ts"]))).toEqual({
      "src/a.ts": { lines: { 1: 1, 2: 4, 3: 0, 5: 1 }, partial: [] },
    });
  });

  it("leaves the reports' own line records as they were", () => {
    const unit = makeReport({ files: [makeFileCoverage("src/a.ts", { 1: 1, 2: 0 })] });
    const e2e = makeReport({
      source: "e2e/lcov.info",
      files: [makeFileCoverage("src/a.ts", { 2: 4, 3: 1 })],
    });
    const merged = mergeCoverage([unit, e2e, unit], ["src/a.ts"]);
    expect(plain(merged)["src/a.ts"]?.lines).toEqual({ 1: 2, 2: 4, 3: 1 });
    expect([...(unit.files[0]?.lines ?? [])]).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect([...(e2e.files[0]?.lines ?? [])]).toEqual([
      [2, 4],
      [3, 1],
    ]);
  });

  it("counts two LCOV reports that name different files, each for its own file", () => {
    const a = makeReport({
      source: "a/lcov.info",
      files: [makeFileCoverage("src/a.js", { 2: 1, 3: 0 })],
    });
    const b = makeReport({
      source: "b/lcov.info",
      files: [makeFileCoverage("src/b.js", { 2: 0 })],
    });
    expect(plain(mergeCoverage([a, b], ["src/a.js", "src/b.js"]))).toEqual({
      "src/a.js": { lines: { 2: 1, 3: 0 }, partial: [] },
      "src/b.js": { lines: { 2: 0 }, partial: [] },
    });
  });

  it("merges different formats naming one file differently", () => {
    const lcov = makeReport({ files: [makeFileCoverage("./src/a.js", { 1: 1 })] });
    const cobertura = makeReport({
      source: "cobertura.xml",
      format: "cobertura",
      sourceRoots: ["/ci/app"],
      files: [makeFileCoverage("src\\a.js", { 1: 2 })],
    });
    const clover = makeReport({
      source: "clover.xml",
      format: "clover",
      files: [makeFileCoverage("/ci/app/src/a.js", { 1: 3 })],
    });
    expect(plain(mergeCoverage([lcov, cobertura, clover], ["src/a.js"]))).toEqual({
      "src/a.js": { lines: { 1: 6 }, partial: [] },
    });
  });

  it.each([
    ["partial in the only report", [[{ 4: 1 }, [4]]], [4]],
    [
      "partial in one report, unrun in another",
      [
        [{ 4: 1 }, [4]],
        [{ 4: 0 }, []],
      ],
      [4],
    ],
    [
      "partial in two reports",
      [
        [{ 4: 1 }, [4]],
        [{ 4: 2 }, [4]],
      ],
      [4],
    ],
    [
      "partial in one, fully branched in another",
      [
        [{ 4: 1 }, [4]],
        [{ 4: 1 }, []],
      ],
      [],
    ],
    ["marked partial but never run", [[{ 4: 0 }, [4]]], []],
  ] as [string, [Record<number, number>, number[]][], number[]][])(
    "a line %s: partial %j",
    (_name, records, partial) => {
      const reports = records.map(([lines, partialLines], i) =>
        makeReport({ source: `r${i}`, files: [makeFileCoverage("a.ts", lines, partialLines)] }),
      );
      expect(mergeCoverage(reports, ["a.ts"]).files.get("a.ts")?.partialLines).toEqual(
        new Set(partial),
      );
    },
  );

  it("lists files that map to nothing, never dropping them silently", () => {
    const report = makeReport({
      files: [
        makeFileCoverage("src/a.ts", { 1: 1 }),
        makeFileCoverage("/ci/app/vendor/lib.js", { 1: 0 }),
        makeFileCoverage("index.ts", { 1: 0 }),
      ],
    });
    const merged = mergeCoverage([report], ["src/a.ts", "web/index.ts", "api/index.ts"]);
    expect([...merged.files.keys()]).toEqual(["src/a.ts"]);
    expect(merged.unmatched).toEqual([
      {
        source: "coverage/lcov.info",
        path: "/ci/app/vendor/lib.js",
        reason: "no repository file has this path or ends with it",
        candidates: [],
      },
      {
        source: "coverage/lcov.info",
        path: "index.ts",
        reason: "ambiguous: 2 repository files match equally well (web/index.ts, api/index.ts)",
        candidates: ["web/index.ts", "api/index.ts"],
      },
    ]);
  });

  it("keys files by normalised report path when the repository's files are unknown", () => {
    const report = makeReport({
      format: "cobertura",
      sourceRoots: ["/ci/app"],
      files: [
        makeFileCoverage(".\\src\\a.ts", { 1: 1 }),
        makeFileCoverage("/ci/app/src/b.ts", { 2: 0 }),
      ],
    });
    const merged = mergeCoverage([report], []);
    expect([...merged.files.keys()]).toEqual(["src/a.ts", "src/b.ts"]);
    expect(merged.unmatched).toEqual([]);
  });

  it("gives an empty result for no reports", () => {
    expect(mergeCoverage([], ["a.ts"])).toEqual({ files: new Map(), unmatched: [] });
  });
});
