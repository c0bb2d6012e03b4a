import { codeSpan, escapeMarkdown } from "../../../shared/core/render/escape-markdown.js";

const ZWJ = "\u200d";

describe("escapeMarkdown", () => {
  it.each([
    { name: "a user mention", input: "thanks @octocat", expected: `thanks @${ZWJ}octocat` },
    { name: "a team ping", input: "@acme/security", expected: `@${ZWJ}acme/security` },
    { name: "HTML", input: "<img src=x>", expected: "\\<img src=x\\>" },
    {
      name: "the hidden marker",
      input: "<!-- shipgate:v1 -->",
      expected: "\\<\\!\\-\\- shipgate:v1 \\-\\-\\>",
    },
    { name: "a table pipe", input: "a | b", expected: "a \\| b" },
    { name: "backticks", input: "`x`", expected: "\\`x\\`" },
    {
      name: "emphasis and links",
      input: "*a* _b_ [c](d)",
      expected: "\\*a\\* \\_b\\_ \\[c\\]\\(d\\)",
    },
    { name: "a heading or list start", input: "# x - y", expected: "\\# x \\- y" },
    { name: "an entity", input: "&lt;", expected: "\\&lt;" },
    { name: "line breaks", input: "a\nb\r\nc", expected: "a b c" },
    {
      name: "control characters",
      input: "a\u0000b\u0007c\u001b[31md\u0085",
      expected: "abc\\[31md",
    },
    { name: "bidi overrides", input: "a\u202eb\u2066c", expected: "abc" },
    { name: "a tab", input: "a\tb", expected: "a\tb" },
  ])("neutralises $name", ({ input, expected }) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("leaves plain words alone", () => {
    expect(escapeMarkdown("plain words 42")).toBe("plain words 42");
  });
});

describe("codeSpan", () => {
  it.each([
    { name: "a plain path", input: "src/a.ts", expected: "`src/a.ts`" },
    { name: "a backtick inside", input: "a`b", expected: "``a`b``" },
    { name: "a run of backticks", input: "a``b", expected: "```a``b```" },
    { name: "a leading backtick", input: "`a", expected: "`` `a ``" },
    { name: "the empty string", input: "", expected: "`  `" },
    { name: "spaces at both ends", input: " a ", expected: "`  a  `" },
    { name: "a line break", input: "a\nb", expected: "`a b`" },
    {
      name: "the hidden marker",
      input: "<!-- shipgate:v1 -->",
      expected: `\`<${ZWJ}!-- shipgate:v1 -->\``,
    },
    { name: "a closing tag", input: "</details>", expected: `\`<${ZWJ}/details>\`` },
    { name: "a comparison", input: "a < b", expected: "`a < b`" },
    { name: "bidi overrides", input: "a\u202eb", expected: "`ab`" },
  ])("wraps $name", ({ input, expected }) => {
    expect(codeSpan(input)).toBe(expected);
  });
});
