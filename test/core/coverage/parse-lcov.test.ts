import { parseLcov } from "../../../shared/core/coverage/parse-lcov.js";
import { plainReport } from "./coverage-builders.js";

const SOURCE = "coverage/lcov.info";
const lcov = (...lines: string[]): string => lines.join("\n") + "\n";
const parse = (text: string) => plainReport(parseLcov(text, SOURCE));

describe("parseLcov", () => {
  it.each([
    {
      name: "DA records are the executable lines, with their hits",
      text: lcov("TN:", "SF:src/a.ts", "DA:1,3", "DA:2,0", "end_of_record"),
      expected: { "src/a.ts": { lines: { 1: 3, 2: 0 }, partial: [] } },
    },
    {
      name: "a checksum after the hits is accepted",
      text: lcov("SF:src/a.ts", "DA:4,1,Xy9Qt2", "end_of_record"),
      expected: { "src/a.ts": { lines: { 4: 1 }, partial: [] } },
    },
    {
      name: "a line with some but not all branches taken is partial",
      text: lcov(
        "SF:src/a.ts",
        "DA:3,2",
        "DA:7,1",
        "BRDA:3,0,0,2",
        "BRDA:3,0,1,0",
        "BRDA:7,1,0,1",
        "BRDA:7,1,1,-",
        "end_of_record",
      ),
      expected: { "src/a.ts": { lines: { 3: 2, 7: 1 }, partial: [3, 7] } },
    },
    {
      name: "a line whose branches were all taken is not partial",
      text: lcov("SF:src/a.ts", "DA:3,2", "BRDA:3,0,0,1", "BRDA:3,0,1,1", "end_of_record"),
      expected: { "src/a.ts": { lines: { 3: 2 }, partial: [] } },
    },
    {
      name: "branches of a line that never ran do not make it partial",
      text: lcov("SF:src/a.ts", "DA:3,0", "BRDA:3,0,0,-", "BRDA:3,0,1,-", "end_of_record"),
      expected: { "src/a.ts": { lines: { 3: 0 }, partial: [] } },
    },
    {
      name: "FN, FNDA and BRDA name no executable line by themselves (as diff-cover 7.4)",
      text: lcov(
        "SF:src/a.ts",
        "FN:1,main",
        "FNDA:4,main",
        "DA:2,4",
        "BRDA:9,0,0,1",
        "BRDA:9,0,1,0",
        "end_of_record",
      ),
      expected: { "src/a.ts": { lines: { 2: 4 }, partial: [] } },
    },
    {
      name: "records for the same file add up, branches too",
      text: lcov(
        "SF:src/a.ts",
        "DA:1,1",
        "DA:2,0",
        "BRDA:1,0,0,1",
        "BRDA:1,0,1,0",
        "end_of_record",
        "SF:src/b.ts",
        "DA:1,0",
        "end_of_record",
        "SF:src/a.ts",
        "DA:1,2",
        "DA:3,5",
        "BRDA:1,0,0,0",
        "BRDA:1,0,1,3",
        "end_of_record",
      ),
      expected: {
        "src/a.ts": { lines: { 1: 3, 2: 0, 3: 5 }, partial: [] },
        "src/b.ts": { lines: { 1: 0 }, partial: [] },
      },
    },
    {
      name: "summaries, lcov 2.x (VER, FNL, FNA) and MC/DC records are ignored",
      text: lcov(
        "TN:unit",
        "VER:2.0-1",
        "SF:src/a.ts",
        "FNL:0,1,4",
        "FNA:0,1,main",
        "FNF:1",
        "FNH:1",
        "DA:2,1",
        "MCDC:2,2,t,1,0,a > 0",
        "MCF:2",
        "MCH:1",
        "LF:1",
        "LH:1",
        "BRF:0",
        "BRH:0",
        "end_of_record",
      ),
      expected: { "src/a.ts": { lines: { 2: 1 }, partial: [] } },
    },
    {
      name: "lcov 2.x exception branches and branch expressions with commas",
      text: lcov(
        "SF:src/a.cpp",
        "DA:5,1",
        "BRDA:5,e0,0,1",
        "BRDA:5,0,(a, b) == 1,0",
        "end_of_record",
      ),
      expected: { "src/a.cpp": { lines: { 5: 1 }, partial: [5] } },
    },
    {
      name: "CRLF line ends, blank lines, indentation and a byte-order mark",
      text: "\uFEFFTN:\r\n\r\n  SF:C:\\work\\src\\a.ts\r\n  DA:1,1\r\nend_of_record\r\n",
      expected: { "C:\\work\\src\\a.ts": { lines: { 1: 1 }, partial: [] } },
    },
    {
      name: "no final newline",
      text: "SF:src/a.ts\nDA:1,1\nend_of_record",
      expected: { "src/a.ts": { lines: { 1: 1 }, partial: [] } },
    },
    {
      name: "hits up to the largest exact integer",
      text: lcov("SF:a.c", "DA:1,9007199254740991", "end_of_record"),
      expected: { "a.c": { lines: { 1: 9007199254740991 }, partial: [] } },
    },
  ])("$name", ({ text, expected }) => {
    expect(parse(text)).toEqual(expected);
  });

  it("says which format it read and keeps no source roots", () => {
    const report = parseLcov(lcov("SF:a.ts", "DA:1,1", "end_of_record"), SOURCE);
    expect(report).toMatchObject({ source: SOURCE, format: "lcov", sourceRoots: [] });
  });

  it.each([
    ["DA:,4", 3, "DA record has no line number"],
    ["DA:x,4", 3, 'DA record has line number "x", which is not a whole number'],
    ["DA:0,4", 3, "DA record has line number 0, out of range"],
    ["DA:3", 3, 'DA record "3" should be DA:<line>,<hits>[,<checksum>]'],
    ["DA:3,1,abc,9", 3, "should be DA:<line>,<hits>[,<checksum>]"],
    ["DA:3,-1", 3, 'DA record has hit count "-1", which is not a whole number of 0 or more'],
    ["DA:3,1.5", 3, 'DA record has hit count "1.5"'],
    ["DA:3,99999999999999999999", 3, "DA record has hit count 99999999999999999999, too large"],
    ["DA:3,", 3, "DA record has no hit count"],
    ["BRDA:3,0,1", 3, 'BRDA record "3,0,1" should be BRDA:<line>,<block>,<branch>,<taken>'],
    ["BRDA:3,0,0,often", 3, 'BRDA record has taken count "often"'],
    ["XYZ:1", 3, 'unknown LCOV record "XYZ:"'],
    ["hello there", 3, '"hello there" is not an LCOV record'],
  ])("skips and counts %j, keeping the rest of the report", (record, line, message) => {
    const report = parseLcov(lcov("SF:src/a.ts", "DA:1,1", record, "end_of_record"), SOURCE);
    expect(report.recordsSkipped).toBe(1);
    expect(report.recordsUsed).toBe(1);
    expect(report.firstSkipped).toContain(`${SOURCE} line ${line}: `);
    expect(report.firstSkipped).toContain(message);
    expect(report.files[0]?.lines).toEqual(new Map([[1, 1]]));
  });

  it.each([
    [
      lcov("DA:1,1"),
      "coverage/lcov.info line 1: DA record outside a file record (no SF line before it)",
      0,
    ],
    [lcov("SF:", "DA:1,1"), "coverage/lcov.info line 1: SF record has no file path", 0],
    [
      lcov("SF:a.ts", "DA:1,1"),
      "coverage/lcov.info: ends inside the record for a.ts (no end_of_record): the file may be truncated",
      1,
    ],
  ])("skips a broken record structure and says so: %j", (text, message, used) => {
    const report = parseLcov(text, SOURCE);
    expect(report.firstSkipped).toContain(message);
    expect(report.recordsUsed).toBe(used);
  });

  // coverage.py 6.5 `coverage lcov` (Debian python3-coverage): exits it cannot place are
  // BRDA:0, and every DA line carries a checksum. One such record must not lose the report.
  it("reads coverage.py's BRDA:0 and checksummed DA records", () => {
    const report = parseLcov(
      lcov(
        "TN:",
        "SF:more_itertools/recipes.py",
        "DA:1,1,7Iz5eLdOx+8U3PB5b84gjA",
        "DA:2,0,kgHeXcKAsKFEu3ivjXJjnA",
        "BRDA:0,0,0,-",
        "BRDA:2,0,0,1",
        "BRDA:2,0,1,0",
        "end_of_record",
      ),
      SOURCE,
    );
    expect(report.files[0]?.lines).toEqual(
      new Map([
        [1, 1],
        [2, 0],
      ]),
    );
    expect(report).toMatchObject({ recordsUsed: 2, recordsSkipped: 1 });
    expect(report.firstSkipped).toContain("line 5: BRDA record has line number 0, out of range");
  });

  // Speed is measured in `npm run bench`; this checks the large report is read whole.
  it("reads 140,000 DA records across 5,000 files", () => {
    const records: string[] = [];
    for (let file = 0; file < 5000; file++) {
      records.push("TN:", `SF:/home/runner/work/app/app/src/dir${file % 50}/file${file}.ts`);
      for (let line = 1; line <= 28; line++) records.push(`DA:${line},${line % 3}`);
      records.push("BRDA:4,0,0,1", "BRDA:4,0,1,0", "LF:28", "LH:19", "end_of_record");
    }
    const report = parseLcov(records.join("\n") + "\n", SOURCE);
    expect(report.files).toHaveLength(5000);
    expect(report.files.reduce((sum, file) => sum + file.lines.size, 0)).toBe(140000);
    expect(report.files[4999]?.partialLines).toEqual(new Set([4]));
  });
});
