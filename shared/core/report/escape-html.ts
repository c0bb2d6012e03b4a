// Escapes text for HTML and SVG element content and double-quoted attribute values.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  // Control characters other than tab and newline are not allowed in HTML text.
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/[&<>"']/g, (ch) => ENTITIES[ch] as string)
  );
}
