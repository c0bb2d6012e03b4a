import { detectCoverageFormat } from "../../../shared/core/coverage/detect-coverage-format.js";
import { readFixture } from "./coverage-builders.js";

describe("detectCoverageFormat", () => {
  it.each([
    ["lcov", "TN:\nSF:src/a.ts\nDA:1,1\nend_of_record\n"],
    ["lcov", "SF:src/a.ts\nDA:1,1\nend_of_record\n"],
    ["lcov", "\uFEFF\r\nTN:unit\r\nSF:a.c\r\n"],
    [
      "cobertura",
      '<?xml version="1.0" ?>\n<coverage line-rate="0.5" version="7.4">\n<packages/></coverage>',
    ],
    [
      "cobertura",
      '<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n<coverage>',
    ],
    [
      "cobertura",
      '<coverage version="1"><sources><source>/a</source></sources><packages/></coverage>',
    ],
    [
      "clover",
      '<?xml version="1.0" encoding="UTF-8"?>\n<coverage generated="1" clover="4.4.1"><project/></coverage>',
    ],
    [
      "clover",
      '<?xml version="1.0"?>\n<!-- PHPUnit -->\n<coverage generated="1">\n  <project timestamp="1">',
    ],
    [
      "jacoco",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="x">',
    ],
    ["istanbul", '{"/a/b.js": {"path": "/a/b.js", "statementMap": {}, "s": {}}}'],
    ["istanbul", "{}\n"],
    ["go", "mode: set\nexample.com/m/a.go:1.1,2.2 1 1\n"],
    ["go", "mode: atomic\r\n"],
  ])("%s: %j", (format, text) => {
    expect(detectCoverageFormat(text)).toBe(format);
  });

  it.each([
    ["js/lcov.info", "lcov"],
    ["js/cobertura-coverage.xml", "cobertura"],
    ["js/clover.xml", "clover"],
    ["js/coverage-final.json", "istanbul"],
    ["js-istanbul/lcov.info", "lcov"],
    ["js-istanbul/cobertura-coverage.xml", "cobertura"],
    ["js-istanbul/clover.xml", "clover"],
    ["js-istanbul/coverage-final.json", "istanbul"],
    ["java/jacoco.xml", "jacoco"],
    ["go/cover.out", "go"],
  ])("knows the real tool's %s as %s", (fixture, format) => {
    expect(detectCoverageFormat(readFixture(fixture))).toBe(format);
  });

  it.each([
    ["an empty file", ""],
    ["prose", "Coverage: 80%\nAll good"],
    ["an HTML report", "<!DOCTYPE html>\n<html><body>coverage</body></html>"],
    ["another XML format", '<?xml version="1.0"?><CoverageSession><Modules/></CoverageSession>'],
    ["a bare <coverage> root", "<coverage></coverage>"],
    ["Istanbul's summary JSON", '{"total": {"lines": {"total": 1, "covered": 1, "pct": 100}}}'],
    ["a JSON array", "[1, 2]"],
    ["a mode line that is not Go's", "mode: fast\n"],
  ])("nothing for %s", (_name, text) => {
    expect(detectCoverageFormat(text)).toBeNull();
  });
});
