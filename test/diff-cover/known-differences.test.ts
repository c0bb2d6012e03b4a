// Where diff-cover 7.4 is wrong and shipgate must differ. Each test runs both tools, pins
// diff-cover's wrong figure (so we notice if a newer diff-cover fixes it) and checks shipgate
// against the right one: what diff-cover itself says for the same change with a report it
// reads correctly (the "control"), and the figures written out by hand.
import { source } from "./coverage-from-source.js";
import type { CoverageCase, ReportSpec } from "./make-case-repo.js";
import {
  assertDiffCoverInstalled,
  describeWithDiffCover,
  runCases,
  type CaseRuns,
} from "./run-cases.js";
import type { CoverageOutcome } from "./run-diff-cover.js";

const describeDiffCover = describeWithDiffCover(
  "the diff-cover known-differences tests (test/diff-cover/known-differences.test.ts)",
);

const base = {
  "src/a.js": source("function a() {", "  one = hit();", "  two = hit();", "}"),
  "src/b.js": source("function b() {", "  one = hit();", "}"),
};
const head = {
  "src/a.js": source(
    "function a() {",
    "  one = hit();",
    "  two = miss(); // changed",
    "  three = hit();",
    "}",
  ),
  "src/b.js": source("function b() {", "  one = miss(); // changed", "  two = miss();", "}"),
};
/** What the change really measures: 4 coverable changed lines, 1 ran. */
const truth: CoverageOutcome = {
  coverable: 4,
  covered: 1,
  uncovered: ["src/a.js:3", "src/b.js:2", "src/b.js:3"],
};
const nothing: CoverageOutcome = { coverable: 0, covered: 0, uncovered: [] };

const variant = (name: string, reports: ReportSpec[]): CoverageCase => ({
  name,
  base,
  head,
  reports,
});

const cases = {
  control: variant("control: one LCOV report with repository-relative paths", [{ format: "lcov" }]),
  absolute: variant("LCOV with absolute paths from another machine", [
    { format: "lcov", pathFor: (path) => `/home/runner/work/shop/shop/${path}` },
  ]),
  absoluteCobertura: variant("Cobertura with absolute filenames from another machine", [
    { format: "cobertura", pathFor: (path) => `/home/runner/work/shop/shop/${path}` },
  ]),
  twoLcov: variant("two LCOV reports naming different files", [
    { format: "lcov", include: (path) => path === "src/a.js" },
    { format: "lcov", include: (path) => path === "src/b.js" },
  ]),
  dotSlash: variant("LCOV SF paths starting with ./", [
    { format: "lcov", pathFor: (path) => `./${path}` },
  ]),
  backslash: variant("LCOV SF paths with backslashes (Windows)", [
    { format: "lcov", pathFor: (path) => path.replace(/\//g, "\\") },
  ]),
  lcov2: variant("lcov 2.x records (VER, FNL, FNA)", [{ format: "lcov", lcov2: true }]),
  noNewline: {
    name: "last line changed in a file without a final newline",
    base: { "src/a.js": "function a() {\n  one = hit();\n  two = hit();" },
    head: {
      "src/a.js":
        "function a() {\n  one = hit();\n  two = miss();\n  three = miss();\n  four = hit();",
    },
    reports: [{ format: "lcov" }],
  },
  nonAscii: {
    name: "non-ASCII file name",
    base: { "src/café.js": base["src/a.js"] },
    head: { "src/café.js": head["src/a.js"] },
    reports: [{ format: "lcov" }],
  },
} satisfies Record<string, CoverageCase>;

let runs: CaseRuns;

beforeAll(async () => {
  assertDiffCoverInstalled();
  runs = await runCases(Object.values(cases));
}, 60_000);

afterAll(() => runs?.cleanup());

function diffCoverOutcome(testCase: CoverageCase): CoverageOutcome {
  const result = runs.get(testCase.name).diffCover;
  if (!result.ok) throw new Error(`diff-cover failed: ${result.stderr}`);
  return result.outcome;
}

const shipgate = (testCase: CoverageCase): CoverageOutcome => runs.get(testCase.name).shipgate;

describeDiffCover("the control", () => {
  it("is a change both tools measure the same way", () => {
    expect(diffCoverOutcome(cases.control)).toEqual(truth);
    expect(shipgate(cases.control)).toEqual(truth);
  });
});

describeDiffCover("diff-cover 7.4 is wrong, shipgate is right", () => {
  // diff-cover looks a file up only by the exact repository-relative or absolute path on *this*
  // machine. A report made in CI (or in a container) names /home/runner/work/<repo>/<repo>/src/a.js,
  // so diff-cover finds no coverable line and reports 100%. shipgate maps by path suffix onto
  // the repository's files.
  it.each([
    ["LCOV", cases.absolute],
    ["Cobertura", cases.absoluteCobertura],
  ])("%s report paths from another machine", (_format, testCase) => {
    expect(diffCoverOutcome(testCase)).toEqual(nothing);
    expect(shipgate(testCase)).toEqual(truth);
  });

  // With several LCOV reports diff-cover intersects each file's uncovered lines across *all*
  // reports, and a report that does not mention the file contributes an empty set (a
  // defaultdict lookup, where the XML reader skips the report instead). So every uncovered line
  // disappears as soon as two reports name different files: diff-cover says 100%.
  it("two LCOV reports naming different files", () => {
    expect(diffCoverOutcome(cases.twoLcov)).toEqual({ coverable: 4, covered: 4, uncovered: [] });
    expect(shipgate(cases.twoLcov)).toEqual(truth);
  });

  // diff-cover compares the SF path as written, without normalising it: `./src/a.js` and
  // `src\a.js` match nothing, so it finds no coverable line.
  it.each([
    ["./", cases.dotSlash],
    ["backslash", cases.backslash],
  ])("LCOV SF paths written with %s", (_kind, testCase) => {
    expect(diffCoverOutcome(testCase)).toEqual(nothing);
    expect(shipgate(testCase)).toEqual(truth);
  });

  // lcov 2.x writes `VER:` and functions as `FNL:`/`FNA:`; diff-cover 7.4 knows only the 1.x
  // directives and aborts with "Unknown syntax in lcov report". shipgate ignores records it
  // does not need.
  it("lcov 2.x records", () => {
    const result = runs.get(cases.lcov2.name).diffCover;
    expect(result).toMatchObject({ ok: false, exitCode: 1 });
    expect(result.ok ? "" : result.stderr).toContain("Unknown syntax in lcov report: VER:");
    expect(shipgate(cases.lcov2)).toEqual(truth);
  });

  // diff-cover counts the `\ No newline at end of file` marker as a line of the new file, so
  // every added line after it is numbered one too high: it reports lines 4-6 of a 5-line file.
  it("a change to the last line of a file without a final newline", () => {
    expect(diffCoverOutcome(cases.noNewline)).toEqual({
      coverable: 2,
      covered: 1,
      uncovered: ["src/a.js:4"],
    });
    expect(shipgate(cases.noNewline)).toEqual({
      coverable: 3,
      covered: 1,
      uncovered: ["src/a.js:3", "src/a.js:4"],
    });
  });

  // git quotes non-ASCII paths in diff headers ("b/src/caf\303\251.js"); diff-cover takes the
  // quoted text as the path, which matches no report entry, so it finds no coverable line.
  it("a non-ASCII file name", () => {
    expect(diffCoverOutcome(cases.nonAscii)).toEqual(nothing);
    expect(shipgate(cases.nonAscii)).toEqual({
      coverable: 2,
      covered: 1,
      uncovered: ["src/café.js:3"],
    });
  });
});
