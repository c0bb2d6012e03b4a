import { CoverageParseError } from "../../../shared/core/coverage/coverage-parse-error.js";
import { parseGo } from "../../../shared/core/coverage/parse-go.js";
import { plainReport } from "./coverage-builders.js";

const SOURCE = "cover.out";
const profile = (...lines: string[]) => lines.join("\n") + "\n";
const parse = (text: string) => plainReport(parseGo(text, SOURCE));

describe("parseGo", () => {
  it.each([
    {
      name: "every line a block spans is executable, with the block's count",
      text: profile(
        "mode: count",
        "example.com/m/a.go:3.14,5.2 2 4",
        "example.com/m/a.go:7.2,7.20 1 0",
      ),
      expected: { "example.com/m/a.go": { lines: { 3: 4, 4: 4, 5: 4, 7: 0 }, partial: [] } },
    },
    {
      name: "a line shared by a run block and an unrun block has the larger count and is partial",
      text: profile(
        "mode: set",
        "example.com/m/a.go:7.40,8.30 1 1",
        "example.com/m/a.go:8.30,10.3 1 0",
        "example.com/m/a.go:11.2,11.9 1 1",
      ),
      expected: {
        "example.com/m/a.go": { lines: { 7: 1, 8: 1, 9: 0, 10: 0, 11: 1 }, partial: [8] },
      },
    },
    {
      name: "a block listed twice (several test binaries) adds up in count mode",
      text: profile("mode: count", "m/a.go:3.1,3.9 1 2", "m/a.go:3.1,3.9 1 5"),
      expected: { "m/a.go": { lines: { 3: 7 }, partial: [] } },
    },
    {
      name: "a block listed twice in set mode is run if either run it",
      text: profile("mode: set", "m/a.go:3.1,3.9 1 0", "m/a.go:3.1,3.9 1 1"),
      expected: { "m/a.go": { lines: { 3: 1 }, partial: [] } },
    },
    {
      name: "concatenated profiles repeat the mode line",
      text: profile("mode: atomic", "m/a.go:1.1,1.9 1 1", "mode: atomic", "m/b.go:2.1,2.9 1 0"),
      expected: {
        "m/a.go": { lines: { 1: 1 }, partial: [] },
        "m/b.go": { lines: { 2: 0 }, partial: [] },
      },
    },
    {
      name: "Windows paths (with a drive colon) and CRLF line ends",
      text: "mode: set\r\nC:\\src\\m\\a.go:1.1,2.9 1 1\r\n",
      expected: { "C:\\src\\m\\a.go": { lines: { 1: 1, 2: 1 }, partial: [] } },
    },
  ])("$name", ({ text, expected }) => {
    expect(parse(text)).toEqual(expected);
  });

  it("reports its format", () => {
    expect(parseGo(profile("mode: set", "m/a.go:1.1,1.2 1 1"), SOURCE)).toMatchObject({
      format: "go",
      source: SOURCE,
      sourceRoots: [],
    });
  });

  it.each([
    [
      profile("m/a.go:1.1,1.2 1 1"),
      `${SOURCE} line 1: a Go cover profile must start with "mode: set", "mode: count" or "mode: atomic"`,
    ],
    ["\n\n", `${SOURCE}: has no "mode:" line: not a Go cover profile`],
  ])("rejects %j", (text, message) => {
    expect(() => parseGo(text, SOURCE)).toThrow(CoverageParseError);
    expect(() => parseGo(text, SOURCE)).toThrow(message);
  });

  it.each([
    ["m/a.go:1.1,1.2 1", `${SOURCE} line 3: "m/a.go:1.1,1.2 1" is not a profile block`],
    [
      "m/a.go:1,2 1 1",
      "is not a profile block (expected file.go:line.col,line.col statements count)",
    ],
    ["m/a.go:1.1,1.2 1 -1", "is not a profile block"],
    ["m/a.go:9.1,3.2 1 1", `${SOURCE} line 3: block ends (line 3) before it starts (line 9)`],
    ["m/a.go:0.1,3.2 1 1", "block has a line number out of range"],
    ["m/a.go:1.1,900000.2 1 1", "block spans 900000 lines, more than any real block"],
    ["m/a.go:1.1,2.2 1 99999999999999999999", "block has a count too large to be real"],
    [
      "m/b.go:1.1,2.2 2 1",
      "line 3: block m/b.go:1.1,2.2 appears twice with different statement counts",
    ],
    ["mode: count", "line 3: mode count differs from the earlier mode set"],
  ])("skips and counts %j, keeping the other blocks", (bad, message) => {
    const report = parseGo(profile("mode: set", "m/b.go:1.1,2.2 1 1", bad), SOURCE);
    expect(report).toMatchObject({ recordsUsed: 1, recordsSkipped: 1 });
    expect(report.firstSkipped).toContain(message);
    expect(report.files.find((file) => file.path === "m/b.go")?.lines).toEqual(
      new Map([
        [1, 1],
        [2, 1],
      ]),
    );
  });

  it("refuses a profile whose blocks would expand to an absurd number of lines", () => {
    const blocks = Array.from({ length: 201 }, (_, i) => `m/a${i}.go:1.1,99999.2 1 1`);
    expect(() => parseGo(profile("mode: set", ...blocks), SOURCE)).toThrow(
      `${SOURCE}: its blocks span more than 20000000 lines`,
    );
  });
});
