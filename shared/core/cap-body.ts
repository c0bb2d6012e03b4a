// The most of a pull request body the rules read. GitHub keeps at most 65,536 characters of a
// body, so only the CLI (a body file) can hand in more: the rest is not read, and the verdict
// says so. Every scan of the body is linear; the cap also bounds what linear costs.

/** GitHub's limit on a pull request body, in UTF-16 code units (JavaScript string length). */
export const MAX_BODY_CHARS = 65_536;

/** The first MAX_BODY_CHARS characters of `body`, never ending inside a surrogate pair. */
export function capBody(body: string): string {
  if (body.length <= MAX_BODY_CHARS) return body;
  const last = body.charCodeAt(MAX_BODY_CHARS - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? MAX_BODY_CHARS - 1 : MAX_BODY_CHARS;
  return body.slice(0, end);
}
