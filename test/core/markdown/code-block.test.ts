import { codeBlock } from "../../../shared/core/markdown/code-block.js";

describe("codeBlock", () => {
  it.each([
    ["plain text", "a", "```md\na\n```"],
    ["a fence inside", "```\nx\n```", "````md\n```\nx\n```\n````"],
    ["a long backtick run", "`````", "``````md\n`````\n``````"],
  ])("fences %s so nothing inside closes it", (_case, text, expected) => {
    expect(codeBlock(text, "md")).toBe(expected);
  });
});
