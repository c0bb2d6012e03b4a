import { measureText } from "../../../shared/core/render/measure-text.js";
import { openFence } from "../../../shared/core/render/repair-markdown.js";
import {
  TRUNCATED_SUFFIX,
  truncateMarkdown,
} from "../../../shared/core/render/truncate-markdown.js";

describe("truncateMarkdown", () => {
  it("returns markdown that fits unchanged", () => {
    expect(truncateMarkdown("short", 100, "utf16")).toBe("short");
  });

  it("cuts at a line end when one is in the second half", () => {
    const markdown = "first line\nsecond line\nthird line that is long";
    expect(truncateMarkdown(markdown, 30 + TRUNCATED_SUFFIX.length, "utf16")).toBe(
      `first line\nsecond line${TRUNCATED_SUFFIX}`,
    );
  });

  it("cuts inside a long line when there is no line end near", () => {
    const result = truncateMarkdown("x".repeat(100), 20 + TRUNCATED_SUFFIX.length, "utf16");
    expect(result).toBe(`${"x".repeat(20)}${TRUNCATED_SUFFIX}`);
  });

  it("closes a fence the cut left open, within the budget", () => {
    const markdown = `intro\n\n\`\`\`\n${"code line\n".repeat(50)}\`\`\``;
    const result = truncateMarkdown(markdown, 120, "utf16");
    expect(result.length).toBeLessThanOrEqual(120);
    expect(openFence(result)).toBeNull();
    expect(result.endsWith(TRUNCATED_SUFFIX)).toBe(true);
  });

  it("does not leave a lone backslash to escape what follows", () => {
    const result = truncateMarkdown(`${"a".repeat(9)}\\${"b".repeat(50)}`, 10 + 3, "utf16", "END");
    expect(result).toBe(`${"a".repeat(9)}END`);
  });

  it("never splits an emoji when counting bytes", () => {
    const result = truncateMarkdown("😀".repeat(30), 4 * 5 + 2, "utf8", "…");
    expect(result).toBe(`${"😀".repeat(4)}…`);
    expect(measureText(result, "utf8")).toBeLessThanOrEqual(22);
  });

  it("gives only the suffix, or nothing, when the budget is tiny", () => {
    expect(truncateMarkdown("x".repeat(100), 15, "utf16")).toBe("_… truncated_");
    expect(truncateMarkdown("x".repeat(100), 3, "utf16")).toBe("");
  });
});
