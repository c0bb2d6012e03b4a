import fc from "fast-check";
import { buildRangeMarker, parseRangeMarker } from "../../../shared/core/render/range-marker.js";

describe("buildRangeMarker", () => {
  it.each([
    { path: "src/a.ts", expected: "<!-- shipgate:range src/a.ts:3-7 -->" },
    { path: "src/my-file.ts", expected: "<!-- shipgate:range src/my%2Dfile.ts:3-7 -->" },
    { path: "a b:c-->d", expected: "<!-- shipgate:range a%20b%3Ac%2D%2D%3Ed:3-7 -->" },
    { path: "ü\n", expected: "<!-- shipgate:range %C3%BC%0A:3-7 -->" },
  ])("encodes $path", ({ path, expected }) => {
    expect(buildRangeMarker({ path, startLine: 3, endLine: 7 })).toBe(expected);
  });

  it("round-trips any path and range through parseRangeMarker", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.nat(1000),
        (path, startLine, extra) => {
          const range = { path, startLine, endLine: startLine + extra };
          const marker = buildRangeMarker(range);
          expect(marker.slice(4, -4)).not.toMatch(/--|\n/);
          expect(parseRangeMarker(`${marker}\nbody`)).toEqual(range);
        },
      ),
    );
  });
});

describe("parseRangeMarker", () => {
  it.each([
    { name: "no marker", body: "just a comment" },
    { name: "a marker later in the body", body: "text\n<!-- shipgate:range a.ts:1-2 -->" },
    { name: "an end before the start", body: "<!-- shipgate:range a.ts:5-2 -->" },
    { name: "line zero", body: "<!-- shipgate:range a.ts:0-2 -->" },
    { name: "bad percent-encoding", body: "<!-- shipgate:range a%E0%A4%A.ts:1-2 -->" },
    { name: "an unencoded dash", body: "<!-- shipgate:range a-b.ts:1-2 -->" },
  ])("finds nothing in $name", ({ body }) => {
    expect(parseRangeMarker(body)).toBeNull();
  });
});
