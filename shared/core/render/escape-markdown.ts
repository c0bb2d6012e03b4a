// Makes user text (PR body quotes, file names, labels) safe to embed in GitHub markdown:
// no @-mentions or team pings, no HTML or hidden markers, no broken tables or code spans.

const ZERO_WIDTH_JOINER = "\u200d";
// Invisible direction overrides can make text read differently from what it is ("Trojan Source").
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Escape text for inline markdown (table cells, list items, headings). */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      // Control characters (except tab) can break rendering or hide content.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")
      .replace(BIDI_CONTROLS, "")
      .replace(/\n/g, " ")
      .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (ch) => `\\${ch}`)
      // A zero-width joiner after @ stops GitHub from resolving users and teams.
      .replace(/@/g, `@${ZERO_WIDTH_JOINER}`)
  );
}

/** Wrap text in a code span that no backtick inside it can close early. */
export function codeSpan(text: string): string {
  const clean = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(BIDI_CONTROLS, "")
    // Inside a code span `<` is shown as is, but a hidden-marker search still sees `<!--` in the
    // raw body: a zero-width joiner keeps the look and breaks the marker.
    .replace(/<(?=[A-Za-z/!?])/g, `<${ZERO_WIDTH_JOINER}`);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  // CommonMark strips one space from each end when both are there: pad to keep them.
  const pad =
    clean.startsWith("`") ||
    clean.endsWith("`") ||
    clean === "" ||
    (clean.startsWith(" ") && clean.endsWith(" ") && clean.trim() !== "")
      ? " "
      : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}
