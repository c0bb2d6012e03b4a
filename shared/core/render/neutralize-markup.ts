// Defuses rule-written markdown before a renderer embeds it: rules are trusted to escape the user
// text they quote, and this is the second line of defence. It keeps the handful of HTML tags rules
// use for layout and breaks every other tag, HTML comment (so no spoofed hidden marker) and @-ping.
import { toWellFormed } from "./measure-text.js";

const ZERO_WIDTH_JOINER = "\u200d";

const INLINE_TAGS = [
  "<\\/?(?:b|strong|i|em|code|kbd|sub|sup)>",
  "<br ?\\/?>",
  // An autolink such as <https://example.com> is no HTML.
  "<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>]*>",
];
/** Block text may also fold long lists with `<details><summary>…</summary>…</details>`. */
const FOLD_TAGS = ["<\\/?(?:details|summary)>", "<details open>"];

const ALLOWED_AT = {
  block: new RegExp([...FOLD_TAGS, ...INLINE_TAGS].join("|"), "y"),
  inline: new RegExp(INLINE_TAGS.join("|"), "y"),
};

/** `inline` text (a table cell, a list item) may not open or close a fold. */
export function neutralizeMarkup(markdown: string, mode: "block" | "inline" = "block"): string {
  const allowed = ALLOWED_AT[mode];
  const text = toWellFormed(markdown)
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  return (
    text
      // A zero-width joiner after `<` shows the same text but is no tag, comment or marker.
      .replace(/<(?=[A-Za-z/!?])/g, (lt, offset: number) => {
        allowed.lastIndex = offset;
        return allowed.test(text) ? lt : `<${ZERO_WIDTH_JOINER}`;
      })
      .replace(/@(?!\u200d)/g, `@${ZERO_WIDTH_JOINER}`)
  );
}
