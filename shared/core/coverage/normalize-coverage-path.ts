// Puts a path as a report wrote it into one shape: forward slashes, no `.` or empty segments,
// `..` resolved where it can be, `file://` dropped. Absolute paths stay absolute.

export function normalizeCoveragePath(path: string): string {
  // Most paths are already in shape (a repository's own file list always is): return them as
  // they are without splitting and joining them again.
  if (!NEEDS_WORK.test(path)) return path;
  let text = path.trim().replace(/\\/g, "/");
  if (/^file:\/\//i.test(text)) {
    text = text.replace(/^file:\/\/(?:localhost)?/i, "");
    try {
      text = decodeURI(text);
    } catch {
      // Not percent-encoded after all: keep it as written.
    }
    if (/^\/[A-Za-z]:\//.test(text)) text = text.slice(1); // file:///C:/x
  }
  const absolute = text.startsWith("/");
  const kept: string[] = [];
  for (const segment of text.split("/")) {
    if (segment === "" || segment === ".") continue;
    const previous = kept[kept.length - 1];
    if (segment === ".." && previous !== undefined && previous !== ".." && !isDrive(previous)) {
      kept.pop();
    } else if (!(segment === ".." && absolute && kept.length === 0)) {
      kept.push(segment);
    }
  }
  return (absolute ? "/" : "") + kept.join("/");
}

/**
 * What the loop below would change: a backslash, surrounding white space, a `file:` URL, an empty
 * segment (`//`, a trailing `/`), or a `.` or `..` segment.
 */
const NEEDS_WORK = /\\|^\s|\s$|^file:|\/\/|\/$|(?:^|\/)\.\.?(?:\/|$)/i;

/** `/home/x`, `C:/x`, `//server/share`: paths naming a machine's layout, not the repository's. */
export function isAbsoluteCoveragePath(normalized: string): boolean {
  return normalized.startsWith("/") || /^[A-Za-z]:(?:\/|$)/.test(normalized);
}

/** Path segments for suffix matching, without leading `..` (they say nothing about the tail). */
export function pathSegments(normalized: string): string[] {
  const segments = normalized.split("/").filter((segment) => segment !== "");
  let first = 0;
  while (segments[first] === "..") first += 1;
  return segments.slice(first);
}

function isDrive(segment: string): boolean {
  return /^[A-Za-z]:$/.test(segment);
}
