import { CoverageParseError } from "../../../shared/core/coverage/coverage-parse-error.js";
import { parseCobertura } from "../../../shared/core/coverage/parse-cobertura.js";
import { plainReport } from "./coverage-builders.js";

const SOURCE = "coverage/cobertura-coverage.xml";

/** A Cobertura document around `classes`, with optional `<source>` roots. */
function cobertura(classes: string, sources: string[] = []): string {
  const roots = sources.map((root) => `<source>${root}</source>`).join("");
  return [
    '<?xml version="1.0" ?>',
    '<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">',
    `<coverage line-rate="0.5" branch-rate="0" version="7.4" timestamp="1">`,
    sources.length > 0 ? `<sources>${roots}</sources>` : "",
    `<packages><package name="app"><classes>${classes}</classes></package></packages>`,
    "</coverage>",
  ].join("\n");
}

const line = (number: number, hits: number, branch = "") =>
  `<line number="${number}" hits="${hits}"${branch}/>`;
const klass = (filename: string, lines: string[], methods = "<methods/>") =>
  `<class name="x" filename="${filename}">${methods}<lines>${lines.join("")}</lines></class>`;

describe("parseCobertura", () => {
  it.each([
    {
      name: "each class's lines with their hits",
      xml: cobertura(klass("src/a.py", [line(1, 1), line(2, 0)]) + klass("src/b.py", [line(5, 7)])),
      expected: {
        "src/a.py": { lines: { 1: 1, 2: 0 }, partial: [] },
        "src/b.py": { lines: { 5: 7 }, partial: [] },
      },
    },
    {
      name: "condition-coverage below 100% makes an executed line partial",
      xml: cobertura(
        klass("a.py", [
          line(1, 2, ' branch="true" condition-coverage="50% (1/2)"'),
          line(2, 2, ' branch="true" condition-coverage="100% (2/2)"'),
          line(3, 0, ' branch="true" condition-coverage="0% (0/2)"'),
          line(4, 1, ' branch="false"'),
        ]),
      ),
      expected: { "a.py": { lines: { 1: 2, 2: 2, 3: 0, 4: 1 }, partial: [1] } },
    },
    {
      name: "method lines (Istanbul repeats declarations there) are not read, as in diff-cover",
      xml: cobertura(
        klass(
          "a.js",
          [line(2, 1)],
          '<methods><method name="f" hits="0" signature="()V"><lines><line number="1" hits="0"/></lines></method></methods>',
        ),
      ),
      expected: { "a.js": { lines: { 2: 1 }, partial: [] } },
    },
    {
      name: "classes sharing a file add up (Java inner classes, several packages)",
      xml: cobertura(
        klass("A.java", [line(3, 1), line(4, 0)]) + klass("A.java", [line(4, 2), line(9, 0)]),
      ),
      expected: { "A.java": { lines: { 3: 1, 4: 2, 9: 0 }, partial: [] } },
    },
    {
      name: "a missing hits attribute counts as 0 (as diff-cover reads it)",
      xml: cobertura(klass("a.py", ['<line number="3"/>'])),
      expected: { "a.py": { lines: { 3: 0 }, partial: [] } },
    },
    {
      name: "entities in file names are decoded",
      xml: cobertura(klass("src/R&amp;D/&#x263A;&lt;x&gt;.py", [line(1, 1)])),
      expected: { "src/R&D/☺<x>.py": { lines: { 1: 1 }, partial: [] } },
    },
    {
      name: "classes without a file name are skipped",
      xml: cobertura(
        klass("a.py", [line(1, 1)]) + `<class name="gen"><lines>${line(1, 1)}</lines></class>`,
      ),
      expected: { "a.py": { lines: { 1: 1 }, partial: [] } },
    },
    {
      name: "a class with no lines still names its file",
      xml: cobertura('<class name="x" filename="empty.py"><methods/><lines/></class>'),
      expected: { "empty.py": { lines: {}, partial: [] } },
    },
  ])("$name", ({ xml, expected }) => {
    expect(plainReport(parseCobertura(xml, SOURCE))).toEqual(expected);
  });

  it("keeps <source> roots, trimmed and decoded, for path mapping", () => {
    const xml = cobertura(klass("a.py", [line(1, 1)]), [" /home/ci/app/src ", "lib&amp;co", ""]);
    expect(parseCobertura(xml, SOURCE)).toMatchObject({
      format: "cobertura",
      source: SOURCE,
      sourceRoots: ["/home/ci/app/src", "lib&co"],
    });
  });

  it("never expands entities declared in a DOCTYPE (no billion laughs)", () => {
    const xml = [
      '<?xml version="1.0"?>',
      "<!DOCTYPE coverage [",
      '  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">',
      '  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">',
      "]>",
      `<coverage line-rate="1"><packages><package name="p"><classes>${klass("&b;.py", [line(1, 1)])}</classes></package></packages></coverage>`,
    ].join("\n");
    expect(Object.keys(plainReport(parseCobertura(xml, SOURCE)))).toEqual(["&b;.py"]);
  });

  it("refuses external entities instead of reading them", () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE coverage [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>',
      `<coverage line-rate="1"><packages><package name="p"><classes>${klass("&secret;.py", [line(1, 1)])}</classes></package></packages></coverage>`,
    ].join("\n");
    expect(() => parseCobertura(xml, SOURCE)).toThrow(
      `${SOURCE}: declares external entities in its DOCTYPE, which shipgate never reads: remove them`,
    );
  });

  it.each([
    ['<line hits="1"/>', '<line> in class "a.py" has no line number (attribute number)'],
    [
      '<line number="two" hits="1"/>',
      '<line> in class "a.py" has line number "two", which is not a whole number (attribute number)',
    ],
    [
      '<line number="2" hits="-3"/>',
      '<line> in class "a.py" has hits "-3", which is not a whole number of 0 or more',
    ],
  ])("skips and counts %s, keeping the other lines", (bad, message) => {
    const report = parseCobertura(cobertura(klass("a.py", [line(1, 1), bad])), SOURCE);
    expect(report).toMatchObject({ recordsUsed: 1, recordsSkipped: 1 });
    expect(report.firstSkipped).toContain(`${SOURCE}: ${message}`);
    expect(report.files[0]?.lines).toEqual(new Map([[1, 1]]));
  });

  it.each([
    [
      cobertura(klass("a.py", [line(1, 1)])).replace("</coverage>", ""),
      "is not complete XML (Unclosed tag 'coverage'): the file looks truncated",
    ],
    [cobertura(klass("a.py", [line(1, 1)])).slice(0, -40), "the file looks truncated"],
    [
      '<coverage line-rate="1">\n<packages>\n</coverage>\n</packages>',
      "line 3, column 1: is not well-formed XML: Expected closing tag 'packages'",
    ],
    [
      '<coverage line-rate="1>\n<packages/>\n</coverage>',
      "line 1, column 10: is not well-formed XML: Attributes for 'coverage' have open quote",
    ],
  ])("rejects broken input %#", (xml, message) => {
    expect(() => parseCobertura(xml, SOURCE)).toThrow(CoverageParseError);
    expect(() => parseCobertura(xml, SOURCE)).toThrow(`${SOURCE}`);
    expect(() => parseCobertura(xml, SOURCE)).toThrow(message);
  });

  it("gives line and column for XML that is not well-formed", () => {
    const xml =
      '<?xml version="1.0"?>\n<coverage line-rate="1">\n  <packages x="1></packages>\n</coverage>';
    expect(() => parseCobertura(xml, SOURCE)).toThrow(
      /coverage\/cobertura-coverage\.xml line 3, column \d+: is not well-formed XML/,
    );
  });
});
