import fc from "fast-check";
import { stripInvisible } from "../../../shared/core/markdown/strip-invisible.js";

describe("stripInvisible", () => {
  it.each([
    ["a link's target", "[x](javascript:alert(1))", "x"],
    ["a link's target and title", 'a [b](c "the title") d', "a b d"],
    ["empty links and images", "[](https://a/rollback) ![](https://b/dash.png)", " "],
    ["an image, alt text and all", "see ![dashboards](https://x/a.png) here", "see  here"],
    ["an image whose alt text holds a link", "![alt [l](u)](src) after", " after"],
    ["a target in angle brackets", '[x](<a)b> "t)")', "x"],
    ["a title with a parenthesis", '[x](url "a)alert")', "x"],
    ["nested parentheses", "[x](((a)))", "x"],
    ["a full reference link's label", "[x][ref] y", "x y"],
    ["a target and title across lines", 'line1\n[x](u\n"multi\nline") z', "line1\nx\n\n z"],
    ["a reference definition", "[dash]: https://example.com/alerts\nnext", "\nnext"],
    [
      "a definition with its target and title on the next lines",
      '[d]:\n  https://x/alert\n  "t"\nkept',
      "\n\n\nkept",
    ],
    ["HTML tags", '<img src="https://x/alerts.png" alt="dashboards"> text </b>', " text "],
    ["a tag across lines", '<img\nsrc="https://x/alert.png">ok', "\nok"],
  ])("removes %s", (_name, markdown, expected) => {
    expect(stripInvisible(markdown)).toBe(expected);
  });

  it.each([
    ["a link inside a link", "[a [b](c) d](e)", "[a b d](e)"],
    ["brackets then a space", "[x] (url)", "[x] (url)"],
    ["an escaped bracket", "\\[x](url)", "\\[x](url)"],
    ["a target with a line break", "[x](a\nb)", "[x](a\nb)"],
    ["parentheses nested deeper than CommonMark reads", `[x](${"(".repeat(40)}${")".repeat(40)})`],
    ["comparisons", "x < y and a <3"],
    ["a tag that would run across a blank line", "a <b\n\nc > d"],
    ["plain text", "Rollback: revert the deploy"],
  ])("keeps %s as text", (_name, markdown, expected = markdown) => {
    expect(stripInvisible(markdown)).toBe(expected);
  });

  it("keeps every line break, so lines stay lines", () => {
    const token = fc.constantFrom(
      "[",
      "]",
      "(",
      ")",
      "!",
      "<",
      ">",
      "a",
      " ",
      "\n",
      '"',
      ":",
      "\\",
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 80 }).map((t) => t.join("")),
        (markdown) => {
          const lines = (text: string) => text.split("\n").length;
          expect(lines(stripInvisible(markdown))).toBe(lines(markdown));
        },
      ),
    );
  });

  it.each([
    ["[", "[[[["],
    ["![", "nested images"],
    ["[a](", "unclosed links"],
    ["[a]", "reference-like brackets"],
    ["<a", "unclosed tags"],
    ['[a](b "', "unclosed titles"],
    ["[a](b(", "deep parentheses"],
    ["*a_[`<", "mixed delimiters"],
  ])("reads 256 KB of %j (%s) in linear time", (unit) => {
    const text = unit.repeat(Math.ceil(262_144 / unit.length));
    const started = performance.now();
    stripInvisible(text);
    // Generous: linear scans take well under a second; a quadratic one takes minutes.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
