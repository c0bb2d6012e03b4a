// The hidden first line of a review comment, naming the range it is about, so a later run can tell
// which uncovered ranges already have a comment: `<!-- shipgate:range src/a%2Db.ts:12-18 -->`.

export interface LineRange {
  path: string;
  startLine: number;
  endLine: number;
}

const MARKER = /^<!-- shipgate:range ([A-Za-z0-9._~/+%]*):(\d+)-(\d+) -->/;

export function buildRangeMarker(range: LineRange): string {
  return `<!-- shipgate:range ${encodePath(range.path)}:${range.startLine}-${range.endLine} -->`;
}

/** The range named by the marker that opens `body`, or null when it opens with none. */
export function parseRangeMarker(body: string): LineRange | null {
  const match = MARKER.exec(body);
  if (match === null) return null;
  const startLine = Number(match[2]);
  const endLine = Number(match[3]);
  if (!Number.isSafeInteger(startLine) || !Number.isSafeInteger(endLine)) return null;
  if (startLine < 1 || endLine < startLine) return null;
  try {
    return { path: decodeURIComponent(match[1] ?? ""), startLine, endLine };
  } catch {
    return null;
  }
}

/**
 * Percent-encodes every byte but letters, digits and `._~/+`: no `-` (so no `-->` or `--` inside
 * the comment), no `:` (the separator), no space or line break.
 */
function encodePath(path: string): string {
  return Array.from(path, (char) =>
    /^[A-Za-z0-9._~/+]$/.test(char) ? char : utf8Bytes(char),
  ).join("");
}

function utf8Bytes(char: string): string {
  const code = char.codePointAt(0) ?? 0xfffd;
  // A lone surrogate cannot be encoded: send U+FFFD as TextEncoder would.
  const safe = code >= 0xd800 && code <= 0xdfff ? "\ufffd" : char;
  return encodeURIComponent(safe).replace(
    /[!'()*-]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
