import { stripHtmlComments } from "../../../shared/core/markdown/strip-html-comments.js";

describe("stripHtmlComments", () => {
  it.each([
    ["no comment", "plain text", "plain text"],
    ["an inline comment", "a <!-- hint --> b", "a  b"],
    ["a multi-line comment", "a\n<!-- one\ntwo -->\nb", "a\n\nb"],
    ["two comments", "<!--x-->a<!--y-->b", "ab"],
    ["an unterminated comment, to the end", "keep <!-- never closed\n## Rollout", "keep "],
    ["the empty comment <!-->", "a<!-->b", "ab"],
    ["the empty comment <!--->", "a<!--->b", "ab"],
    ["a lone closing marker", "a --> b", "a --> b"],
    ["CRLF inside a comment", "a<!--\r\nx\r\n-->b", "ab"],
  ])("%s", (_case, input, expected) => {
    expect(stripHtmlComments(input)).toBe(expected);
  });
});
