import { openFence, repairMarkdown } from "../../../shared/core/render/repair-markdown.js";

const ZWJ = "\u200d";

describe("openFence", () => {
  it.each([
    { markdown: "text", expected: null },
    { markdown: "```\ncode\n```", expected: null },
    { markdown: "```js\ncode", expected: "```" },
    { markdown: "````\n```\n", expected: "````" },
    { markdown: "~~~\ncode\n```", expected: "~~~" },
    { markdown: "``` a ` b", expected: null },
    { markdown: "    ```\ncode", expected: null },
  ])("finds $expected open in $markdown", ({ markdown, expected }) => {
    expect(openFence(markdown)).toBe(expected);
  });
});

describe("repairMarkdown", () => {
  it.each([
    { name: "complete markdown", input: "a\n\n```\nb\n```", expected: "a\n\n```\nb\n```" },
    { name: "an open fence", input: "```js\ncode", expected: "```js\ncode\n```" },
    {
      name: "an open fence ending in a line break",
      input: "~~~~\ncode\n",
      expected: "~~~~\ncode\n~~~~",
    },
    { name: "an open fold", input: "<details>\n\nx", expected: "<details>\n\nx\n\n</details>" },
    {
      name: "an open summary",
      input: "<details><summary>Fil",
      expected: "<details><summary>Fil\n</summary>\n\n</details>",
    },
    { name: "a stray closing tag", input: "x </details>", expected: `x <${ZWJ}/details>` },
    {
      name: "a stray summary",
      input: "<summary>x</summary>",
      expected: `<${ZWJ}summary>x<${ZWJ}/summary>`,
    },
    {
      name: "fold tags inside code",
      input: "```\n<details>\n```",
      expected: `\`\`\`\n<${ZWJ}details>\n\`\`\``,
    },
    {
      name: "a fold opened before an open fence",
      input: "<details>\n\n```\ncode",
      expected: "<details>\n\n```\ncode\n```\n\n</details>",
    },
  ])("repairs $name", ({ input, expected }) => {
    expect(repairMarkdown(input)).toBe(expected);
  });
});
