import { inlineToText, markdownToText } from "../../../shared/core/render/markdown-to-text.js";

describe("inlineToText", () => {
  it.each([
    { name: "backslash escapes", input: "a\\_b\\*c\\|d\\\\", expected: "a_b*c|d\\" },
    {
      name: "bold and italics",
      input: "**bold** and _it_ and *em*",
      expected: "bold and it and em",
    },
    { name: "snake_case", input: "min_patch_value", expected: "min_patch_value" },
    { name: "code spans, as written", input: "run `a\\_b` now", expected: "run a\\_b now" },
    { name: "a double-backtick span", input: "``a`b``", expected: "a`b" },
    { name: "an unclosed backtick", input: "a `b", expected: "a `b" },
    { name: "a link", input: "[docs](https://x.test/a)", expected: "docs (https://x.test/a)" },
    { name: "a bare link", input: "[https://x.test](https://x.test)", expected: "https://x.test" },
    { name: "an autolink", input: "<https://x.test>", expected: "https://x.test" },
    { name: "HTML tags", input: "<b>a</b><br>b <code>c</code>", expected: "a b c" },
    { name: "an HTML comment", input: "a<!-- hidden -->b", expected: "ab" },
    { name: "entities", input: "a &amp; b &lt;c&gt;", expected: "a & b <c>" },
    { name: "an escaped entity", input: "\\&amp;", expected: "&amp;" },
    { name: "an escaped tag", input: "\\<b\\>", expected: "<b>" },
    { name: "a defused mention", input: "@\u200docto", expected: "@octo" },
    { name: "a defused tag", input: "<\u200d/details>", expected: "</details>" },
  ])("undoes $name", ({ input, expected }) => {
    expect(inlineToText(input)).toBe(expected);
  });
});

describe("markdownToText", () => {
  it("aligns a table in columns", () => {
    const markdown = [
      "| Package | Files | Lines |",
      "|---|---:|---:|",
      "| `packages/api` | 12 | 640 |",
      "| a \\| b | 4 | 2 |",
    ].join("\n");
    expect(markdownToText(markdown)).toBe(
      [
        "Package       Files  Lines",
        "------------  -----  -----",
        "packages/api  12     640",
        "a | b         4      2",
      ].join("\n"),
    );
  });

  it("drops heading marks, fold tags and extra blank lines", () => {
    const markdown = "## Title\n\n<details><summary>More</summary>\n\n\n\n- item\n\n</details>";
    expect(markdownToText(markdown)).toBe("Title\n\nMore\n\n- item");
  });

  it("keeps code blocks as written, indented", () => {
    expect(markdownToText("Run:\n\n```sh\nnpm test -- --coverage\n```\nDone.")).toBe(
      "Run:\n\n    npm test -- --coverage\nDone.",
    );
  });

  it("turns a thematic break into a plain rule", () => {
    expect(markdownToText("a\n\n***\n\nb")).toBe("a\n\n---\n\nb");
  });
});
