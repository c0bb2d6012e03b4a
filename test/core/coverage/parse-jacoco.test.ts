import { parseJacoco } from "../../../shared/core/coverage/parse-jacoco.js";
import { plainReport } from "./coverage-builders.js";

const SOURCE = "target/site/jacoco/jacoco.xml";

/** JaCoCo writes everything on one line, after its DTD declaration. */
function jacoco(packages: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">' +
    `<report name="shop"><sessioninfo id="x" start="1" dump="2"/>${packages}` +
    '<counter type="LINE" missed="1" covered="1"/></report>'
  );
}

const line = (nr: number, mi: number, ci: number, mb = 0, cb = 0) =>
  `<line nr="${nr}" mi="${mi}" ci="${ci}" mb="${mb}" cb="${cb}"/>`;
const pkg = (name: string, files: string) =>
  `<package name="${name}"><class name="${name}/A" sourcefilename="A.java">` +
  '<method name="&lt;init&gt;" desc="()V" line="3"><counter type="LINE" missed="0" covered="1"/></method>' +
  `</class>${files}<counter type="LINE" missed="0" covered="1"/></package>`;
const sourcefile = (name: string, lines: string[]) =>
  `<sourcefile name="${name}">${lines.join("")}<counter type="LINE" missed="0" covered="1"/></sourcefile>`;

describe("parseJacoco", () => {
  it.each([
    {
      name: "paths are the package directory plus the source file; hits are covered instructions",
      xml: jacoco(
        pkg("com/example/shop", sourcefile("Cart.java", [line(3, 0, 3), line(12, 5, 0)])),
      ),
      expected: { "com/example/shop/Cart.java": { lines: { 3: 3, 12: 0 }, partial: [] } },
    },
    {
      name: "a line with missed and covered branches is partial",
      xml: jacoco(
        pkg(
          "p",
          sourcefile("A.java", [line(1, 0, 4, 1, 1), line(2, 0, 4, 0, 2), line(3, 6, 0, 2, 0)]),
        ),
      ),
      expected: { "p/A.java": { lines: { 1: 4, 2: 4, 3: 0 }, partial: [1] } },
    },
    {
      name: "the default package has no directory",
      xml: jacoco(pkg("", sourcefile("Main.java", [line(5, 0, 2)]))),
      expected: { "Main.java": { lines: { 5: 2 }, partial: [] } },
    },
    {
      name: "packages inside groups (multi-module reports) are read",
      xml: jacoco(
        `<group name="api">${pkg("a", sourcefile("X.kt", [line(1, 0, 1)]))}</group>` +
          `<group name="web">${pkg("b", sourcefile("Y.kt", [line(2, 1, 0)]))}</group>`,
      ),
      expected: {
        "a/X.kt": { lines: { 1: 1 }, partial: [] },
        "b/Y.kt": { lines: { 2: 0 }, partial: [] },
      },
    },
    {
      name: "a line with no instructions is not executable",
      xml: jacoco(pkg("p", sourcefile("A.java", [line(1, 0, 0), line(2, 0, 1)]))),
      expected: { "p/A.java": { lines: { 2: 1 }, partial: [] } },
    },
  ])("$name", ({ xml, expected }) => {
    expect(plainReport(parseJacoco(xml, SOURCE))).toEqual(expected);
  });

  it("reads the JaCoCo DTD declaration without fetching or failing on it", () => {
    const report = parseJacoco(jacoco(pkg("p", sourcefile("A.java", [line(1, 0, 1)]))), SOURCE);
    expect(report).toMatchObject({ format: "jacoco", source: SOURCE, sourceRoots: [] });
    expect(report.files.map((file) => file.path)).toEqual(["p/A.java"]);
  });

  it.each([
    [
      '<line mi="0" ci="1" mb="0" cb="0"/>',
      '<line> in sourcefile "p/A.java" has no line number (attribute nr)',
    ],
    ['<line nr="1" mi="0" ci="x" mb="0" cb="0"/>', '<line> in sourcefile "p/A.java" has ci "x"'],
  ])("skips and counts %s, keeping the other lines", (bad, message) => {
    const report = parseJacoco(
      jacoco(pkg("p", sourcefile("A.java", [line(1, 0, 1), bad]))),
      SOURCE,
    );
    expect(report).toMatchObject({ recordsUsed: 1, recordsSkipped: 1 });
    expect(report.firstSkipped).toContain(`${SOURCE}: ${message}`);
    expect(report.files[0]?.lines).toEqual(new Map([[1, 1]]));
  });

  it("says a one-line report cut short looks truncated", () => {
    const xml = jacoco(pkg("p", sourcefile("A.java", [line(1, 0, 1)]))).slice(0, -60);
    expect(() => parseJacoco(xml, SOURCE)).toThrow("the file looks truncated");
  });
});
