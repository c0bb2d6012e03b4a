import fc from "fast-check";
import { splitLines } from "../../../shared/core/diff/text-lines.js";

// Texts made of characters that matter to the diff parser: newlines, CRs and line starts.
const text = fc
  .array(fc.constantFrom("\n", "\r", "+", "-", " ", "@", "a", "diff --git ", "ü"), {
    maxLength: 40,
  })
  .map((parts) => parts.join(""));

describe("splitLines", () => {
  it("has the lines of text.split('\\n'), without copying them until asked", () => {
    fc.assert(
      fc.property(text, (t) => {
        const lines = splitLines(t);
        const expected = t.split("\n");
        expect(lines.count).toBe(expected.length);
        expected.forEach((line, i) => {
          expect(lines.line(i)).toBe(line);
          expect(lines.lengthOf(i)).toBe(line.length);
          expect(lines.firstCode(i)).toBe(line === "" ? -1 : line.charCodeAt(0));
          for (const prefix of ["diff --git ", "@@ ", "+", ""]) {
            expect(lines.startsWith(i, prefix)).toBe(line.startsWith(prefix));
          }
        });
      }),
    );
  });

  it.each([
    ["", [""]],
    ["a", ["a"]],
    ["a\n", ["a", ""]],
    ["\n\n", ["", "", ""]],
  ])("splits %j", (t, expected) => {
    const lines = splitLines(t);
    expect(Array.from({ length: lines.count }, (_, i) => lines.line(i))).toEqual(expected);
  });
});
