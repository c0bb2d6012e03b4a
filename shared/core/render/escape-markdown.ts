// Makes user text (PR body quotes, file names, labels) safe to embed in GitHub markdown:
// no @-mentions or team pings, no HTML or hidden markers, no broken tables or code spans.

const ZERO_WIDTH_JOINER = "\u200d";

/** Escape text for inline markdown (table cells, list items, headings). */
export function escapeMarkdown(text: string): string {
  return (
    text
      // Control characters (except tab) can break rendering or hide content.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
      .replace(/\r?\n/g, " ")
      .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (ch) => `\\${ch}`)
      // A zero-width joiner after @ stops GitHub from resolving users and teams.
      .replace(/@/g, `@${ZERO_WIDTH_JOINER}`)
  );
}

/** Wrap text in a code span that no backtick inside it can close early. */
export function codeSpan(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, " ");
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") || clean === "" ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}
