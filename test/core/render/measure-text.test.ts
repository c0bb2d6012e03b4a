import fc from "fast-check";
import { cutToFit, measureText, toWellFormed } from "../../../shared/core/render/measure-text.js";

describe("measureText", () => {
  it.each([
    { text: "abc", utf16: 3, utf8: 3 },
    { text: "é", utf16: 1, utf8: 2 },
    { text: "€", utf16: 1, utf8: 3 },
    { text: "😀", utf16: 2, utf8: 4 },
    { text: "\ud83d", utf16: 1, utf8: 3 },
    { text: "", utf16: 0, utf8: 0 },
  ])("measures $text as $utf16 code units and $utf8 bytes", ({ text, utf16, utf8 }) => {
    expect(measureText(text, "utf16")).toBe(utf16);
    expect(measureText(text, "utf8")).toBe(utf8);
  });

  it("agrees with Buffer.byteLength on well-formed text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(measureText(text, "utf8")).toBe(Buffer.byteLength(text, "utf8"));
      }),
    );
  });
});

describe("cutToFit", () => {
  it.each([
    { text: "a😀b", max: 2, unit: "utf16" as const, expected: "a" },
    { text: "a😀b", max: 3, unit: "utf16" as const, expected: "a😀" },
    { text: "a😀b", max: 4, unit: "utf8" as const, expected: "a" },
    { text: "a😀b", max: 5, unit: "utf8" as const, expected: "a😀" },
    { text: "éé", max: 3, unit: "utf8" as const, expected: "é" },
    { text: "abc", max: 0, unit: "utf16" as const, expected: "" },
    { text: "abc", max: 10, unit: "utf8" as const, expected: "abc" },
  ])("cuts $text to $max $unit as $expected", ({ text, max, unit, expected }) => {
    expect(cutToFit(text, max, unit)).toBe(expected);
  });

  it("never exceeds the budget and never ends inside a surrogate pair", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.nat(200),
        fc.constantFrom("utf16" as const, "utf8" as const),
        (text, max, unit) => {
          const cut = cutToFit(text, max, unit);
          expect(measureText(cut, unit)).toBeLessThanOrEqual(max);
          expect(text.startsWith(cut)).toBe(true);
          expect(toWellFormed(cut)).toBe(cut);
        },
      ),
    );
  });
});

describe("toWellFormed", () => {
  it.each([
    { text: "a\ud83db", expected: "a\ufffdb" },
    { text: "\ude00a", expected: "\ufffda" },
    { text: "😀", expected: "😀" },
  ])("replaces lone surrogates in $text", ({ text, expected }) => {
    expect(toWellFormed(text)).toBe(expected);
  });
});
