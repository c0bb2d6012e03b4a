import { countWords, hasWords } from "../../../shared/core/markdown/count-words.js";

describe("countWords", () => {
  it.each([
    ["", 0],
    ["revert the deploy", 3],
    ["- [x] Rollback: revert", 2],
    ["TODO tbd TBD. (fixme) xxx", 0],
    ["... - * | ---", 0],
    ["error-rate p99 10%", 3],
    ["Überwachung 監視 ✓", 2],
    ["a\r\nb\tc", 3],
    ["todolist", 1],
    ["a\u00a0b\u2003c\u3000d\ufeffe", 5],
  ])("%j has %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it("stops at the limit", () => {
    expect(countWords("a b c d", 2)).toBe(2);
    expect(hasWords("TODO")).toBe(false);
    expect(hasWords("TODO: revert")).toBe(true);
  });

  it("counts a 20 MB token without exhausting the stack", () => {
    expect(countWords(`${"1".repeat(20_000_000)} x`)).toBe(2);
  });

  it("splits on exactly what \\s matches", () => {
    const spaces = Array.from({ length: 0x3001 }, (_, code) => String.fromCharCode(code)).filter(
      (ch) => /\s/.test(ch),
    );
    expect(countWords(`a${spaces.join("a")}a`)).toBe(spaces.length + 1);
  });
});
