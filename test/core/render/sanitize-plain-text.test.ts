import { sanitizePlainText } from "../../../shared/core/render/sanitize-plain-text.js";

describe("sanitizePlainText", () => {
  it.each([
    { name: "a colour", input: "\u001b[31mred\u001b[0m", expected: "red" },
    { name: "clear screen and cursor moves", input: "a\u001b[2J\u001b[1;1Hb", expected: "ab" },
    { name: "a window title (OSC, BEL)", input: "a\u001b]0;pwned\u0007b", expected: "ab" },
    {
      name: "a hyperlink (OSC, ST)",
      input: "\u001b]8;;https://x\u001b\\link\u001b]8;;\u001b\\",
      expected: "link",
    },
    { name: "a device control string", input: "a\u001bPq#0\u001b\\b", expected: "ab" },
    { name: "an 8-bit CSI", input: "a\u009b31mb", expected: "a31mb" },
    { name: "a bare escape", input: "a\u001bcb", expected: "ab" },
    { name: "a carriage return", input: "safe\roverwritten", expected: "safe\noverwritten" },
    { name: "a backspace", input: "ab\bc", expected: "abc" },
    { name: "bidi overrides", input: "a\u202eb\u2067c", expected: "abc" },
    { name: "a lone surrogate", input: "a\udc00", expected: "a\ufffd" },
  ])("removes $name", ({ input, expected }) => {
    expect(sanitizePlainText(input)).toBe(expected);
  });

  it("keeps line feeds, tabs and non-ASCII text", () => {
    expect(sanitizePlainText("a\n\tb é 😀")).toBe("a\n\tb é 😀");
  });

  it("does not let an unterminated sequence swallow the next line", () => {
    expect(sanitizePlainText("a\u001b]0;x\nnext")).toBe("a\nnext");
  });
});
