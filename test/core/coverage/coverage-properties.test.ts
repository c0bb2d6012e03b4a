// Property tests: LCOV round trips, and no input makes a parser throw anything but its own error.
import fc from "fast-check";
import { CoverageParseError } from "../../../shared/core/coverage/coverage-parse-error.js";
import { mapCoveragePath } from "../../../shared/core/coverage/map-coverage-paths.js";
import { parseClover } from "../../../shared/core/coverage/parse-clover.js";
import { parseCobertura } from "../../../shared/core/coverage/parse-cobertura.js";
import { parseCoverage } from "../../../shared/core/coverage/parse-coverage.js";
import { parseGo } from "../../../shared/core/coverage/parse-go.js";
import { parseIstanbul } from "../../../shared/core/coverage/parse-istanbul.js";
import { parseJacoco } from "../../../shared/core/coverage/parse-jacoco.js";
import { parseLcov } from "../../../shared/core/coverage/parse-lcov.js";
import { createRepoPathIndex } from "../../../shared/core/coverage/repo-path-index.js";
import type { FileCoverage } from "../../../shared/core/types.js";
import { plainReport, readFixture, renderLcov } from "./coverage-builders.js";

const segment = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,11}$/);
const relativePath = fc
  .array(segment, { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join("/"));

/** A file with unique line numbers, hits of any size, and partial lines among the executed ones. */
const fileCoverage = (path: string): fc.Arbitrary<FileCoverage> =>
  fc
    .uniqueArray(
      fc.tuple(
        fc.integer({ min: 1, max: 100_000 }),
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.boolean(),
      ),
      { selector: ([line]) => line, maxLength: 40 },
    )
    .map((records) => ({
      path,
      lines: new Map(records.map(([line, hits]) => [line, hits])),
      partialLines: new Set(
        records.filter(([, hits, partial]) => partial && hits > 0).map(([line]) => line),
      ),
    }));

const coverageMap = fc
  .uniqueArray(relativePath, { minLength: 1, maxLength: 8 })
  .chain((paths) => fc.tuple(...paths.map(fileCoverage)));

describe("LCOV round trip", () => {
  it("parsing rendered LCOV gives back the same coverage map", () => {
    fc.assert(
      fc.property(coverageMap, (files) => {
        const report = parseLcov(renderLcov(files), "lcov.info");
        const expected = Object.fromEntries(
          files.map((file) => [
            file.path,
            {
              lines: Object.fromEntries([...file.lines].sort(([a], [b]) => a - b)),
              partial: [...file.partialLines].sort((a, b) => a - b),
            },
          ]),
        );
        expect(plainReport(report)).toEqual(expected);
      }),
    );
  });

  it("splitting a file's records over several records changes nothing", () => {
    fc.assert(
      fc.property(coverageMap, fc.nat(), (files, cut) => {
        const split = files.flatMap((file) => {
          const entries = [...file.lines];
          const at = entries.length === 0 ? 0 : cut % (entries.length + 1);
          const part = (slice: [number, number][]) => ({
            path: file.path,
            lines: new Map(slice),
            partialLines: new Set(
              [...file.partialLines].filter((line) => slice.some(([l]) => l === line)),
            ),
          });
          return [part(entries.slice(0, at)), part(entries.slice(at))];
        });
        expect(plainReport(parseLcov(renderLcov(split), "lcov.info"))).toEqual(
          plainReport(parseLcov(renderLcov(files), "lcov.info")),
        );
      }),
    );
  });
});

/** Text that looks a little like each format, so the parsers get past their first checks. */
const lcovish = fc
  .array(
    fc.oneof(
      fc.constantFrom("SF:a.ts", "end_of_record", "TN:", "DA:1,1", "BRDA:1,0,0,-", "FN:1,f", ""),
      fc
        .tuple(
          fc.constantFrom("SF:", "DA:", "BRDA:", "FN:", "VER:", ""),
          fc.string({ maxLength: 20 }),
        )
        .map(([a, b]) => a + b),
    ),
    { maxLength: 20 },
  )
  .map((lines) => lines.join("\n"));
const xmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "<coverage line-rate='1'>",
        "</coverage>",
        "<coverage clover='1'><project>",
        "<report name='x'>",
        "</report>",
        "<package name='p'>",
        "</package>",
        "<class filename='a.py'><lines>",
        "</lines></class>",
        "<sourcefile name='A.java'>",
        "<file path='a.php'>",
        '<line number="1" hits="1" branch="true" condition-coverage="50% (1/2)"/>',
        '<line num="1" count="2" type="cond" truecount="0" falsecount="1"/>',
        '<line nr="1" mi="0" ci="1" mb="1" cb="1"/>',
        "<!DOCTYPE report [<!ENTITY a 'b'>]>",
        "&amp;&#0;&#xFFFFFF;",
      ),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(""));
const goish = fc
  .array(
    fc.oneof(
      fc.constantFrom("mode: set", "mode: count", "a.go:1.1,2.2 1 1", "a.go:3.1,1.2 1 1"),
      fc
        .tuple(fc.string({ maxLength: 10 }), fc.nat(), fc.nat(), fc.nat(), fc.nat())
        .map(([p, a, b, c, d]) => `${p}:${a}.1,${b}.2 ${c} ${d}`),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join("\n"));
const jsonish = fc.oneof(
  fc.json(),
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 3 }))
    .map((value) => JSON.stringify(value)),
  fc
    .dictionary(
      fc.string({ maxLength: 8 }),
      fc.record({
        statementMap: fc.anything({ maxDepth: 3 }),
        s: fc.anything({ maxDepth: 2 }),
        branchMap: fc.anything({ maxDepth: 3 }),
        b: fc.anything({ maxDepth: 2 }),
      }),
    )
    .map((value) => JSON.stringify(value)),
);
const garbage = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  lcovish,
  xmlish,
  goish,
  jsonish,
);

const PARSERS = { parseLcov, parseCobertura, parseClover, parseJacoco, parseIstanbul, parseGo };

describe("garbage in", () => {
  it.each(Object.entries(PARSERS))("%s throws nothing but CoverageParseError", (_name, parse) => {
    fc.assert(
      fc.property(garbage, (text) => {
        try {
          parse(text, "report");
        } catch (error) {
          expect(error).toBeInstanceOf(CoverageParseError);
          expect((error as CoverageParseError).message.startsWith("report")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("parseCoverage never throws: every input is a report or an error naming the file", () => {
    fc.assert(
      fc.property(garbage, (text) => {
        const result = parseCoverage(text, "cov.out");
        if (!result.ok) {
          expect(result.error.source).toBe("cov.out");
          expect(result.error.message.startsWith("cov.out")).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    "js/lcov.info",
    "js/cobertura-coverage.xml",
    "js/clover.xml",
    "js/coverage-final.json",
    "java/jacoco.xml",
    "go/cover.out",
  ])("%s cut short anywhere is a report or an error, never a crash", (fixture) => {
    const text = readFixture(fixture);
    fc.assert(
      fc.property(fc.nat({ max: text.length }), (length) => {
        const result = parseCoverage(text.slice(0, length), fixture);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 150 },
    );
  });
});

describe("path mapping", () => {
  it("a repository path maps to itself however the report spells it", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(relativePath, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.constantFrom("", "./", "././"),
        fc.boolean(),
        (repoFiles, pick, prefix, backslashes) => {
          const path = repoFiles[pick % repoFiles.length] ?? "";
          const spelled = prefix + (backslashes ? path.replace(/\//g, "\\") : path);
          expect(mapCoveragePath(spelled, [], createRepoPathIndex(repoFiles))).toEqual({
            ok: true,
            repoPath: path,
          });
        },
      ),
    );
  });

  it("an absolute path maps to the repository file it ends with, when only one does", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(relativePath, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        (repoFiles, pick, checkout) => {
          const path = repoFiles[pick % repoFiles.length] ?? "";
          const absolute = `/${checkout.join("/")}/${path}`;
          const endsWith = repoFiles.filter((file) => absolute.endsWith(`/${file}`));
          fc.pre(endsWith.length === 1);
          expect(mapCoveragePath(absolute, [], createRepoPathIndex(repoFiles))).toEqual({
            ok: true,
            repoPath: path,
          });
        },
      ),
    );
  });
});
