// Reports written by real tools on the sample projects (see test/fixtures/coverage/README.md).
import { mergeCoverage } from "../../../shared/core/coverage/merge-coverage.js";
import { parseCoverage } from "../../../shared/core/coverage/parse-coverage.js";
import type { CoverageReport } from "../../../shared/core/types.js";
import { plainFile, plainReport, readFixture, type PlainFile } from "./coverage-builders.js";

/** Where the sample projects sit in this repository: the fixtures' paths map onto these. */
const REPO_FILES = [
  "test/fixtures/coverage/sample-js/src/pricing.js",
  "test/fixtures/coverage/sample-js/src/text.js",
  "test/fixtures/coverage/sample-js/run-tests.mjs",
  "test/fixtures/coverage/sample-go/grade/grade.go",
  "test/fixtures/coverage/sample-go/textutil/textutil.go",
  "test/fixtures/coverage/sample-java/src/com/example/shop/Cart.java",
  "test/fixtures/coverage/sample-java/src/com/example/shop/util/Money.java",
  "test/fixtures/coverage/sample-java/test/com/example/shop/RunTests.java",
];

function load(fixture: string): CoverageReport {
  const result = parseCoverage(readFixture(fixture), fixture);
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

/** A report's files keyed by repository path, as the coverage rule will see them. */
function byRepoPath(fixture: string): Record<string, PlainFile> {
  const merged = mergeCoverage([load(fixture)], REPO_FILES);
  expect(merged.unmatched).toEqual([]);
  return Object.fromEntries([...merged.files].map(([path, file]) => [path, plainFile(file)]));
}

const FORMATS = ["lcov.info", "cobertura-coverage.xml", "clover.xml", "coverage-final.json"];

describe.each(["js", "js-istanbul"])("the sample-js reports in %s/", (dir) => {
  // c8 and Istanbul's instrumenter feed the same four reporters: every format must give the
  // same executable lines, hits and partial lines. They differ only in how they name files:
  // LCOV relative to the project, Cobertura relative plus a <source> root, Clover and JSON absolute.
  const lcov = byRepoPath(`${dir}/lcov.info`);

  it.each(FORMATS.slice(1))("%s agrees with lcov.info line by line", (format) => {
    expect(byRepoPath(`${dir}/${format}`)).toEqual(lcov);
  });

  it("maps every report onto the sample's sources", () => {
    expect(Object.keys(lcov).sort()).toEqual([
      "test/fixtures/coverage/sample-js/src/pricing.js",
      "test/fixtures/coverage/sample-js/src/text.js",
    ]);
  });

  it("names files the way each reporter does", () => {
    expect(load(`${dir}/lcov.info`).files[0]?.path).toBe("src/pricing.js");
    const cobertura = load(`${dir}/cobertura-coverage.xml`);
    expect(cobertura.files[0]?.path).toBe("src/pricing.js");
    expect(cobertura.sourceRoots).toEqual([
      "/home/runner/work/shipgate/shipgate/test/fixtures/coverage/sample-js",
    ]);
    expect(load(`${dir}/clover.xml`).files[0]?.path).toBe(
      "/home/runner/work/shipgate/shipgate/test/fixtures/coverage/sample-js/src/pricing.js",
    );
  });
});

describe("what the sample-js reports measured", () => {
  const c8 = byRepoPath("js/lcov.info")["test/fixtures/coverage/sample-js/src/text.js"];
  const istanbul =
    byRepoPath("js-istanbul/lcov.info")["test/fixtures/coverage/sample-js/src/text.js"];

  it("c8 (V8) counts every source line, comments and braces included", () => {
    expect(Object.keys(c8?.lines ?? {})).toHaveLength(22);
    expect(c8?.lines[1]).toBe(1); // the header comment
    expect([18, 19, 20, 21, 22].map((line) => c8?.lines[line])).toEqual([0, 0, 0, 0, 0]); // titleCase
  });

  it("Istanbul counts statements only, and marks the half-taken ternary partial", () => {
    expect(istanbul).toEqual({
      lines: { 3: 1, 10: 2, 11: 1, 13: 1, 14: 1, 18: 0, 20: 0 },
      partial: [14],
    });
  });
});

describe("the JaCoCo report of sample-java", () => {
  const report = load("java/jacoco.xml");

  it("names files by package directory and maps them under src/", () => {
    expect(report.files.map((file) => file.path).sort()).toEqual([
      "com/example/shop/Cart.java",
      "com/example/shop/util/Money.java",
    ]);
    expect(Object.keys(byRepoPath("java/jacoco.xml")).sort()).toEqual([
      "test/fixtures/coverage/sample-java/src/com/example/shop/Cart.java",
      "test/fixtures/coverage/sample-java/src/com/example/shop/util/Money.java",
    ]);
  });

  it("counts covered instructions per line and marks half-taken branches", () => {
    expect(plainReport(report)["com/example/shop/util/Money.java"]).toEqual({
      lines: { 8: 4, 9: 0, 11: 19 },
      partial: [8],
    });
    const cart = plainReport(report)["com/example/shop/Cart.java"];
    expect(cart?.lines[12]).toBe(0); // the throw for a bad quantity
    expect(cart?.lines[30]).toBe(0); // shipping to BE
    expect(cart?.partial).toEqual([11, 19, 26, 28]);
  });
});

describe("the Go profile of sample-go", () => {
  const report = load("go/cover.out");

  it("names files by import path and maps them by suffix", () => {
    expect(report.files.map((file) => file.path).sort()).toEqual([
      "github.com/shipgate/sample-go/grade/grade.go",
      "github.com/shipgate/sample-go/textutil/textutil.go",
    ]);
    expect(Object.keys(byRepoPath("go/cover.out")).sort()).toEqual([
      "test/fixtures/coverage/sample-go/grade/grade.go",
      "test/fixtures/coverage/sample-go/textutil/textutil.go",
    ]);
  });

  it("spreads block counts over lines and marks lines where a run block meets an unrun one", () => {
    expect(plainReport(report)["github.com/shipgate/sample-go/textutil/textutil.go"]).toEqual({
      lines: { 7: 1, 8: 1, 9: 2, 10: 2, 11: 2, 12: 1, 16: 0, 17: 0, 18: 0, 19: 0, 20: 0, 21: 0 },
      partial: [],
    });
    const grade = plainReport(report)["github.com/shipgate/sample-go/grade/grade.go"];
    expect(grade?.partial).toEqual([8, 24]); // the range check and the empty-slice check
    expect(grade?.lines[16]).toBe(0); // case score >= 50 never matched
  });
});
