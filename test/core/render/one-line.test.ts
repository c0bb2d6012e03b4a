import fc from "fast-check";
import { joinLines, MAX_LINE_CHARS, oneLine } from "../../../shared/core/render/one-line.js";
import { splitCodeSpans } from "../../../shared/core/render/split-code-spans.js";
import { codeSpan } from "../../../shared/core/render/escape-markdown.js";

describe("oneLine", () => {
  it("joins lines and keeps short text whole", () => {
    expect(oneLine("a\n  b")).toBe("a b");
  });

  it.each([1, 2, 3])(
    "never cuts inside a code span (quoted text, run of %i backticks) so its content stays code",
    (ticks) => {
      const hostile = "a".repeat(850) + "[CLICK](javascript:alert)~~STRIKE~~".repeat(5);
      const fence = "`".repeat(ticks);
      const line = oneLine(`unknown risk level ${fence}${hostile}${fence} after`);
      expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
      expect(line).toBe("unknown risk level …");
      expect(line).not.toContain("CLICK");
    },
  );

  it("keeps code spans that end before the cut", () => {
    const line = oneLine(`${codeSpan("x")} ${"b".repeat(2000)}`);
    expect(line.startsWith("`x` bbb")).toBe(true);
    expect(line.endsWith("…")).toBe(true);
    const parts = splitCodeSpans(line);
    expect(parts.filter((part) => part.code).map((part) => part.text)).toEqual(["x"]);
  });

  it("keeps a literal backtick that was never a span before the cut", () => {
    const line = oneLine(`a \\\` b ${"c".repeat(2000)}`);
    expect(line.startsWith("a \\` b ccc")).toBe(true);
  });
});

describe("joinLines", () => {
  it("turns each line break and the whitespace around it into one space, as /\\s*\\n\\s*/g", () => {
    const char = fc.constantFrom("a", " ", "\t", "\n", "\r", "\u00a0", "\u2028", "x");
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 40 }).map((c) => c.join("")),
        (text) => {
          expect(joinLines(text)).toBe(text.replace(/\s*\n\s*/g, " "));
        },
      ),
    );
  });

  it("reads a 60,000-space quote in linear time (the regex took seconds)", () => {
    const text = `R${" ".repeat(60_000)}X\nnext`;
    const started = performance.now();
    expect(joinLines(text)).toBe(`R${" ".repeat(60_000)}X next`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
