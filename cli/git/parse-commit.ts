// Reads the author and message out of a raw commit object (`git cat-file commit`), so no user
// log config (signatures, decorations) can change what we see.

export interface CommitInfo {
  authorName: string;
  /** The first paragraph of the message, on one line (like git's %s). */
  subject: string;
  /** The rest of the message (like git's %b), trimmed. */
  body: string;
}

export function parseCommit(raw: string): CommitInfo {
  const headerEnd = raw.indexOf("\n\n");
  const headers = headerEnd < 0 ? raw : raw.slice(0, headerEnd);
  const message = headerEnd < 0 ? "" : raw.slice(headerEnd + 2);
  const authorLine = headers.split("\n").find((line) => line.startsWith("author ")) ?? "";
  const authorName = /^author (.*?) <[^>]*> \d+ [+-]\d{4}$/.exec(authorLine)?.[1] ?? "";
  const paragraphs = message
    .replace(/\r\n/g, "\n")
    .trim()
    .split(/\n[ \t]*\n/);
  const subject = (paragraphs[0] ?? "")
    .split("\n")
    .map((line) => line.trim())
    .join(" ")
    .trim();
  const body = paragraphs.slice(1).join("\n\n").trim();
  return { authorName, subject, body };
}
