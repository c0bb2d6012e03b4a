import { CoverageParseError } from "../../../shared/core/coverage/coverage-parse-error.js";
import { parseIstanbul } from "../../../shared/core/coverage/parse-istanbul.js";
import { plainReport } from "./coverage-builders.js";

const SOURCE = "coverage/coverage-final.json";

const loc = (startLine: number, endLine = startLine) => ({
  start: { line: startLine, column: 0 },
  end: { line: endLine, column: 10 },
});

/** One file's Istanbul data; statements are `[startLine, endLine, hits]`. */
function fileData(
  path: string,
  statements: [number, number, number][],
  branches: { line: number; counts: number[]; metaLine?: number }[] = [],
) {
  return {
    path,
    statementMap: Object.fromEntries(statements.map(([start, end], i) => [i, loc(start, end)])),
    s: Object.fromEntries(statements.map(([, , hits], i) => [i, hits])),
    fnMap: { 0: { name: "main", decl: loc(1), loc: loc(1, 9), line: 1 } },
    f: { 0: 1 },
    branchMap: Object.fromEntries(
      branches.map(({ line, counts, metaLine }, i) => [
        i,
        {
          type: "if",
          line: metaLine ?? line,
          loc: loc(line),
          locations: counts.map(() => loc(line)),
        },
      ]),
    ),
    b: Object.fromEntries(branches.map(({ counts }, i) => [i, counts])),
  };
}

const parse = (map: unknown) => plainReport(parseIstanbul(JSON.stringify(map), SOURCE));

describe("parseIstanbul", () => {
  it("a line is executable where a statement starts; its hits are the most of those statements", () => {
    const data = fileData("/ci/app/src/a.js", [
      [2, 2, 3],
      [2, 2, 0],
      [4, 7, 1],
      [9, 9, 0],
    ]);
    expect(parse({ [data.path]: data })).toEqual({
      "/ci/app/src/a.js": { lines: { 2: 3, 4: 1, 9: 0 }, partial: [] },
    });
  });

  it("function declarations add no lines (the LCOV reporter writes them as FN only)", () => {
    const data = fileData("a.js", [[3, 3, 1]]);
    expect(parse({ "a.js": data })["a.js"]?.lines).toEqual({ 3: 1 });
  });

  it("a branch with an untaken path marks its start line partial, where LCOV's BRDA puts it", () => {
    const data = fileData(
      "a.js",
      [
        [3, 3, 2],
        [5, 5, 2],
        [8, 8, 1],
      ],
      [
        { line: 3, counts: [2, 0] },
        { line: 5, counts: [1, 1] },
        { line: 8, counts: [1, 0, 0], metaLine: 7 },
      ],
    );
    expect(parse({ "a.js": data })["a.js"]?.partial).toEqual([3, 8]);
  });

  it.each([
    ["the file's own path", { "/key.js": fileData("/real.js", [[1, 1, 1]]) }, "/real.js"],
    [
      "the key when the data has no path",
      { "/key.js": { ...fileData("", [[1, 1, 1]]), path: undefined } },
      "/key.js",
    ],
    [
      "Jest's { data: … } wrapper",
      { "/key.js": { data: fileData("/wrapped.js", [[1, 1, 1]]) } },
      "/wrapped.js",
    ],
  ])("names each file by %s", (_how, map, path) => {
    expect(Object.keys(parse(map))).toEqual([path]);
  });

  it("reads an empty map as a report with no files", () => {
    expect(parseIstanbul("{}", SOURCE)).toMatchObject({
      format: "istanbul",
      files: [],
      sourceRoots: [],
    });
  });

  it("skips statements and branches without a map entry, as Istanbul does", () => {
    const data = {
      ...fileData("a.js", [[1, 1, 1]], [{ line: 1, counts: [1, 0] }]),
      s: { 0: 1, 7: 0 },
      b: { 0: [1, 0], 9: [0] },
    };
    expect(parse({ "a.js": data })).toEqual({ "a.js": { lines: { 1: 1 }, partial: [1] } });
  });

  it.each([
    [
      "a missing statementMap",
      { "a.js": { ...fileData("a.js", []), statementMap: undefined } },
      'file "a.js" is not a file coverage object (no statementMap and s); skipped',
    ],
    [
      "a missing s",
      { "a.js": { ...fileData("a.js", []), s: undefined } },
      'file "a.js" is not a file coverage object (no statementMap and s); skipped',
    ],
    [
      "a negative hit count",
      { "a.js": { ...fileData("a.js", [[1, 1, 1]]), s: { 0: -2 } } },
      'file "a.js" has hit count -2, not a whole number of 0 or more, for statement 0',
    ],
    [
      "a text hit count",
      { "a.js": { ...fileData("a.js", [[1, 1, 1]]), s: { 0: "3" } } },
      'file "a.js" has hit count "3"',
    ],
    [
      "a statement without a start line",
      { "a.js": { ...fileData("a.js", [[1, 1, 1]]), statementMap: { 0: { start: {} } } } },
      'file "a.js" has no start line for statement 0',
    ],
    [
      "a branch count that is not a list",
      { "a.js": { ...fileData("a.js", [[1, 1, 1]], [{ line: 1, counts: [1] }]), b: { 0: 4 } } },
      'file "a.js" has no list of counts for branch 0',
    ],
    [
      "a fractional branch count",
      { "a.js": fileData("a.js", [[1, 1, 1]], [{ line: 1, counts: [0.5] }]) },
      'file "a.js" has count 0.5, not a whole number of 0 or more, for branch 0.0',
    ],
    [
      "a file that is not an object",
      { "a.js": [1, 2] },
      'file "a.js" is not a file coverage object',
    ],
  ])("skips and counts %s, keeping the other files", (_name, map, message) => {
    const good = { "b.js": fileData("b.js", [[2, 2, 3]]) };
    const report = parseIstanbul(JSON.stringify({ ...map, ...good }), SOURCE);
    expect(report.recordsSkipped).toBe(1);
    expect(report.firstSkipped).toContain(`${SOURCE}: ${message}`);
    expect(report.files.find((file) => file.path === "b.js")?.lines).toEqual(new Map([[2, 3]]));
  });

  it.each([
    [
      "[1, 2]",
      `${SOURCE}: is JSON but not an Istanbul coverage map (an object keyed by file path)`,
    ],
    [
      '{\n  "a.js": {\n    "path": "a.js",\n  }\n}',
      `${SOURCE} line 4, column 3: is not valid JSON`,
    ],
    ['{"a.js": {"path": "a.js"', `${SOURCE}`],
  ])("rejects JSON that is not a coverage map: %j", (text, message) => {
    expect(() => parseIstanbul(text, SOURCE)).toThrow(CoverageParseError);
    expect(() => parseIstanbul(text, SOURCE)).toThrow(message);
  });
});
