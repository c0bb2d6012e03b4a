import { stripCode } from "../../../shared/core/markdown/strip-code.js";

describe("stripCode", () => {
  it.each([
    ["an inline code span", "see `#12` and #13", "see   and #13"],
    ["a double-backtick span holding a backtick", "a ``x ` y`` b", "a   b"],
    ["an unmatched backtick, left as text", "a ` b #12", "a ` b #12"],
    ["runs of different lengths", "`` a ` b", "`` a ` b"],
    ["a fenced block", "a\n```\n#12\n```\nb", "a\n\nb"],
    ["a tilde fence with an info string", "~~~md\nRisk: high\n~~~\nafter", "\nafter"],
    ["an unclosed fence, to the end", "a\n```\n#12", "a\n"],
    ["a span that would cross a blank line", "a `x\n\ny` #12", "a `x\n\ny` #12"],
    ["a span across lines of one paragraph", "a `x\ny` b", "a   b"],
  ])("removes %s", (_case, input, expected) => {
    expect(stripCode(input)).toBe(expected);
  });
});
