import { neutralizeMarkup } from "../../../shared/core/render/neutralize-markup.js";

const ZWJ = "\u200d";

describe("neutralizeMarkup", () => {
  it.each([
    {
      name: "the hidden marker",
      input: "<!-- shipgate:v1 -->",
      expected: `<${ZWJ}!-- shipgate:v1 -->`,
    },
    {
      name: "a script tag",
      input: "<script>x</script>",
      expected: `<${ZWJ}script>x<${ZWJ}/script>`,
    },
    {
      name: "an image with attributes",
      input: "<img src=x onerror=y>",
      expected: `<${ZWJ}img src=x onerror=y>`,
    },
    { name: "a processing instruction", input: "<?xml?>", expected: `<${ZWJ}?xml?>` },
    { name: "a mention", input: "@octocat", expected: `@${ZWJ}octocat` },
    { name: "a team ping", input: "@acme/team", expected: `@${ZWJ}acme/team` },
    { name: "control characters", input: "a\u0000b\u001bc", expected: "abc" },
    { name: "carriage returns", input: "a\r\nb\rc", expected: "a\nb\nc" },
    { name: "a lone surrogate", input: "a\ud83d", expected: "a\ufffd" },
  ])("defuses $name", ({ input, expected }) => {
    expect(neutralizeMarkup(input)).toBe(expected);
  });

  it.each([
    "<details>",
    "<details open>",
    "</details>",
    "<summary>Files</summary>",
    "<b>bold</b>",
    "<code>x</code>",
    "a<br>b",
    "<https://example.com/a?b=c>",
    "a < b",
    "x <= 3",
  ])("keeps %p, which rules use for layout", (input) => {
    expect(neutralizeMarkup(input)).toBe(input);
  });

  it("does not add a second joiner to a mention escapeMarkdown already defused", () => {
    expect(neutralizeMarkup(`@${ZWJ}octocat`)).toBe(`@${ZWJ}octocat`);
  });

  it.each(["<details>", "</details>", "<summary>", "<details open>"])(
    "breaks the fold tag %p in inline text",
    (tag) => {
      expect(neutralizeMarkup(tag, "inline")).toBe(`<${ZWJ}${tag.slice(1)}`);
    },
  );
});
