import fc from "fast-check";
import {
  formatLineRanges,
  toLineRanges,
} from "../../../../shared/core/rules/coverage/line-ranges.js";

describe("toLineRanges", () => {
  it.each`
    lines               | universe            | expected
    ${[]}               | ${undefined}        | ${""}
    ${[20, 12, 13, 14]} | ${undefined}        | ${"12-14, 20"}
    ${[3, 3, 1]}        | ${undefined}        | ${"1, 3"}
    ${[12, 14]}         | ${[10, 12, 14, 15]} | ${"12-14"}
    ${[12, 14]}         | ${[10, 12, 13, 14]} | ${"12, 14"}
    ${[1, 100]}         | ${[1, 100]}         | ${"1-100"}
    ${[5, 6]}           | ${[1, 2]}           | ${"5-6"}
  `("groups $lines within $universe as $expected", ({ lines, universe, expected }) => {
    expect(formatLineRanges(toLineRanges(lines, universe))).toBe(expected);
  });

  it("covers exactly the given lines, in order, with no range spanning a universe line left out", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }),
        fc.func(fc.boolean()),
        (universe, picks) => {
          const lines = universe.filter((line) => picks(line));
          const ranges = toLineRanges(lines, universe);
          const starts = ranges.map((r) => r.start);
          expect([...starts].sort((a, b) => a - b)).toEqual(starts);
          expect(ranges.flatMap((r) => [r.start, r.end]).every((l) => lines.includes(l))).toBe(
            true,
          );
          for (const line of lines) {
            expect(ranges.some((r) => r.start <= line && line <= r.end)).toBe(true);
          }
          for (const line of universe.filter((l) => !lines.includes(l))) {
            expect(ranges.some((r) => r.start < line && line < r.end)).toBe(false);
          }
          // and joined wherever they can be: a universe line left out separates two ranges.
          ranges.slice(1).forEach((range, i) => {
            const before = ranges[i]?.end ?? 0;
            expect(universe.some((line) => before < line && line < range.start)).toBe(true);
          });
        },
      ),
    );
  });
});
