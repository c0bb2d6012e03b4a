// User-influenced text that tries to break rendered output, and checks that it did not.
import { COMMENT_MARKER } from "../../../shared/core/render/render-comment.js";
import { openFence } from "../../../shared/core/render/repair-markdown.js";

export const hostileTexts = [
  { name: "a user mention", text: "ping @octocat" },
  { name: "a team ping", text: "ping @acme/security-team" },
  { name: "raw HTML", text: "<img src=x onerror=alert(1)><script>alert(1)</script>" },
  { name: "a spoofed comment marker", text: COMMENT_MARKER },
  { name: "a spoofed range marker", text: "<!-- shipgate:range a.ts:1-2 -->" },
  { name: "table pipes", text: "a | b || c \\| d \\\\| e" },
  { name: "line breaks", text: "line one\nline two\r\nthree\rfour" },
  { name: "backticks and fences", text: "```\n`unclosed ``" },
  { name: "control characters", text: "a\u0000b\u0008c\u007fd" },
  { name: "ANSI escapes", text: "\u001b[2J\u001b]0;title\u0007red\u001b[31m" },
  { name: "fold tags", text: "</details></summary><details><summary>" },
  { name: "a lone surrogate", text: "a\ud83db" },
];

/** Lines of the rule table: every one must have exactly its four cell borders. */
export function unescapedPipes(line: string): number {
  return line.match(/(?<!\\)(?:\\\\)*\|/g)?.length ?? 0;
}

/** Checks that markdown (after an optional leading marker) carries nothing the user could abuse. */
export function expectSafeMarkdown(markdown: string, options: { marker: boolean }): void {
  const body = options.marker ? markdown.slice(COMMENT_MARKER.length) : markdown;
  if (options.marker) expect(markdown.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
  expect(body).not.toContain("<!--");
  expect(body).not.toMatch(/<(?:img|script)/);
  expect(body).not.toMatch(/@(?!\u200d)/);
  // eslint-disable-next-line no-control-regex
  expect(body).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(body).not.toMatch(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
  );
  for (const line of body.split("\n").filter((l) => l.startsWith("| `"))) {
    expect(unescapedPipes(line)).toBe(4);
  }
  const opened = body.match(/<details(?: open)?>/g)?.length ?? 0;
  expect(body.match(/<\/details>/g)?.length ?? 0).toBe(opened);
  expect(openFence(body)).toBeNull();
}
