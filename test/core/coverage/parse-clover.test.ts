import { parseClover } from "../../../shared/core/coverage/parse-clover.js";
import { plainReport } from "./coverage-builders.js";

const SOURCE = "build/logs/clover.xml";

/** A Clover document; `root` and `project` attributes say who wrote it. */
function clover(body: string, root = 'clover="4.4.1"', project = 'name="shop"'): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<coverage generated="1700000000" ${root}>`,
    `  <project timestamp="1700000000" ${project}>`,
    '    <metrics statements="3" coveredstatements="2"/>',
    body,
    "  </project>",
    "</coverage>",
  ].join("\n");
}

const file = (attrs: string, lines: string[]) =>
  `<file ${attrs}><metrics statements="1"/>${lines.join("")}</file>`;

describe("parseClover", () => {
  it.each([
    {
      name: "stmt, cond and method lines are executable; other types are not",
      xml: clover(
        file('name="Cart.php" path="/app/src/Cart.php"', [
          '<line num="3" type="method" name="add" visibility="public" complexity="1" crap="1" count="2"/>',
          '<line num="4" type="stmt" count="2"/>',
          '<line num="5" type="cond" count="2" truecount="1" falsecount="1"/>',
          '<line num="9" type="stmt" count="0"/>',
          '<line num="11" type="other" count="5"/>',
          '<line num="12" count="5"/>',
        ]),
      ),
      expected: { "/app/src/Cart.php": { lines: { 3: 2, 4: 2, 5: 2, 9: 0 }, partial: [] } },
    },
    {
      name: "Clover counts true and false outcomes: one never seen makes the line partial",
      xml: clover(
        file('path="src/a.groovy"', [
          '<line num="1" type="cond" count="4" truecount="4" falsecount="0"/>',
          '<line num="2" type="cond" count="4" truecount="0" falsecount="4"/>',
          '<line num="3" type="cond" count="4" truecount="3" falsecount="1"/>',
          '<line num="4" type="cond" count="0" truecount="0" falsecount="0"/>',
        ]),
      ),
      expected: { "src/a.groovy": { lines: { 1: 4, 2: 4, 3: 4, 4: 0 }, partial: [1, 2] } },
    },
    {
      name: "Istanbul's clover writes branches taken/missed instead: missed ones make it partial",
      xml: clover(
        file('name="a.js" path="/ci/app/src/a.js"', [
          '<line num="1" count="1" type="cond" truecount="2" falsecount="0"/>',
          '<line num="2" count="1" type="cond" truecount="1" falsecount="1"/>',
          '<line num="3" count="3" type="stmt"/>',
        ]),
        'clover="3.2.0"',
        'name="All files"',
      ),
      expected: { "/ci/app/src/a.js": { lines: { 1: 1, 2: 1, 3: 3 }, partial: [2] } },
    },
    {
      name: "files inside packages and test projects, named by path or else by name",
      xml: clover(
        `<package name="app">${file('name="A.java"', ['<line num="1" type="stmt" count="1"/>'])}</package>` +
          `</project><testproject timestamp="1">${file('path="test/ATest.java"', ['<line num="2" type="stmt" count="3"/>'])}</testproject><project>`,
      ),
      expected: {
        "A.java": { lines: { 1: 1 }, partial: [] },
        "test/ATest.java": { lines: { 2: 3 }, partial: [] },
      },
    },
    {
      name: "the same file twice adds up",
      xml: clover(
        file('path="a.php"', ['<line num="1" type="stmt" count="1"/>']) +
          file('path="a.php"', ['<line num="1" type="stmt" count="2"/>']),
      ),
      expected: { "a.php": { lines: { 1: 3 }, partial: [] } },
    },
  ])("$name", ({ xml, expected }) => {
    expect(plainReport(parseClover(xml, SOURCE))).toEqual(expected);
  });

  it("reports its format and no source roots", () => {
    const report = parseClover(clover(file('path="a.php"', [])), SOURCE);
    expect(report).toMatchObject({ format: "clover", source: SOURCE, sourceRoots: [] });
  });

  it.each([
    ['<line type="stmt" count="1"/>', '<line> in file "a.php" has no line number (attribute num)'],
    [
      '<line num="1" type="stmt" count="lots"/>',
      '<line> in file "a.php" has count "lots", which is not a whole number of 0 or more',
    ],
    [
      '<line num="1" type="cond" count="1" truecount="-1" falsecount="0"/>',
      '<line> in file "a.php" has truecount "-1"',
    ],
  ])("skips and counts %s", (line, message) => {
    const report = parseClover(clover(file('path="a.php"', [line])), SOURCE);
    expect(report).toMatchObject({ recordsUsed: 0, recordsSkipped: 1 });
    expect(report.firstSkipped).toContain(`${SOURCE}: ${message}`);
    expect(report.files[0]?.lines.size).toBe(0);
  });
});
