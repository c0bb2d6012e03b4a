import { parseCoverage, SUPPORTED_FORMATS } from "../../../shared/core/coverage/parse-coverage.js";
import { readFixture } from "./coverage-builders.js";

describe("parseCoverage", () => {
  it.each([
    ["js/lcov.info", "lcov"],
    ["js/cobertura-coverage.xml", "cobertura"],
    ["js/clover.xml", "clover"],
    ["js/coverage-final.json", "istanbul"],
    ["java/jacoco.xml", "jacoco"],
    ["go/cover.out", "go"],
  ])("detects and parses %s", (fixture, format) => {
    const result = parseCoverage(readFixture(fixture), fixture);
    expect(result).toMatchObject({ ok: true, report: { format, source: fixture } });
    expect(result.ok && result.report.files.length).toBeGreaterThan(0);
  });

  it.each([
    [
      "an empty file",
      "",
      "coverage/lcov.info: the file is empty. Did the test run that writes it fail or not run?",
    ],
    ["a file of blank lines", "\n \r\n", "coverage/lcov.info: the file is empty."],
    [
      "binary content",
      "PK\u0003\u0004\u0000\u0000zip",
      `coverage/lcov.info: this is a binary file (it contains NUL bytes), not a coverage report. Supported formats: ${SUPPORTED_FORMATS}.`,
    ],
    ["UTF-16 text read as UTF-8", "S\u0000F\u0000:\u0000a\u0000", "this is a binary file"],
    [
      "an unknown text format",
      "Coverage: 80%\n",
      `coverage/lcov.info: the format is not recognised. Supported formats: ${SUPPORTED_FORMATS}.`,
    ],
    [
      "an HTML report",
      "<!DOCTYPE html><html></html>",
      "this is an HTML page (an HTML coverage report?), not a machine-readable report",
    ],
    [
      "another XML format",
      "<CoverageSession/>",
      "this XML's root element <CoverageSession> is not a coverage format shipgate reads",
    ],
    [
      "Istanbul's summary",
      '{"total": {"lines": {"pct": 100}}}',
      "this looks like Istanbul's coverage-summary.json, which has no per-line data: use coverage-final.json (reporter json) or lcov.info",
    ],
    ["other JSON", '{"files": []}', "this JSON is not an Istanbul coverage map (no statementMap)"],
    [
      "broken LCOV",
      "SF:a.ts\nDA:x,1\nend_of_record\n",
      'coverage/lcov.info line 2: DA record has line number "x", which is not a whole number',
    ],
    [
      "broken XML",
      '<coverage line-rate="1">\n<packages>\n</coverage>\n</packages>',
      "coverage/lcov.info line 3, column 1: is not well-formed XML",
    ],
    [
      "broken JSON",
      '{"a.js": {"statementMap": {}, }',
      "coverage/lcov.info line 1, column 31: is not valid JSON",
    ],
    [
      "an LCOV report with no files",
      "TN:\n",
      "coverage/lcov.info: this LCOV report lists no files. Check that the coverage tool's include/exclude settings cover your sources.",
    ],
    [
      "a Cobertura report with no files",
      '<coverage line-rate="1"><packages/></coverage>',
      "this Cobertura XML report lists no files",
    ],
    ["an empty Istanbul map", "{}", "this Istanbul JSON report lists no files"],
    ["a Go profile with only its mode", "mode: set\n", "this Go cover report lists no files"],
  ])("explains %s", (_name, text, message) => {
    const result = parseCoverage(text, "coverage/lcov.info");
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error.source).toBe("coverage/lcov.info");
    expect(result.ok ? "" : result.error.message).toContain(message);
  });

  it("names every supported format in its list", () => {
    for (const name of ["LCOV", "Cobertura", "Clover", "JaCoCo", "Istanbul", "Go"]) {
      expect(SUPPORTED_FORMATS).toContain(name);
    }
  });
});
