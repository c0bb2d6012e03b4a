// Reads file paths from git's per-file header lines (`diff --git`, `---`, `+++`), quoted or not,
// and strips the `a/` / `b/` prefixes.
import { readQuoted, unquoteGitPath } from "./unquote-git-path.js";

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/**
 * The path after `--- ` or `+++ `, or null for `/dev/null`. Git ends an unquoted path that holds a
 * space with a tab, and plain `diff -u` puts a timestamp after a tab: either way the tab ends it.
 */
export function readHeaderPath(text: string, prefix: string): string | null {
  let path: string;
  if (text.startsWith('"')) {
    path = readQuoted(text, 0)?.value ?? text;
  } else {
    const tab = text.indexOf("\t");
    path = tab === -1 ? text : text.slice(0, tab);
  }
  return path === "/dev/null" ? null : stripPrefix(path, prefix);
}

/**
 * Splits what follows `diff --git ` into the old and new path. Unquoted paths may hold spaces, so
 * the line is ambiguous in general; it is only the last resort, used when no `---`/`+++` or
 * `rename`/`copy` line names the paths (binary files, mode changes, empty files).
 */
export function splitDiffGitLine(rest: string): { oldPath: string; newPath: string } {
  let oldRaw: string;
  let newRaw: string;
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    oldRaw = first?.value ?? rest;
    newRaw = first === null ? rest : unquoteGitPath(rest.slice(first.end + 1));
  } else if (rest.endsWith('"') && rest.includes(' "')) {
    // An unquoted path never holds `"` (git would have quoted it), so the first ` "` splits.
    const split = rest.indexOf(' "');
    oldRaw = rest.slice(0, split);
    newRaw = unquoteGitPath(rest.slice(split + 1));
  } else {
    // Without a rename both halves are the same path: `a/<p> b/<p>` splits in the middle.
    const half = (rest.length - 1) / 2;
    const sameHalves =
      Number.isInteger(half) && rest[half] === " " && rest.slice(2, half) === rest.slice(half + 3);
    const split = sameHalves ? half : rest.indexOf(" b/");
    oldRaw = split === -1 ? rest : rest.slice(0, split);
    newRaw = split === -1 ? rest : rest.slice(split + 1);
  }
  return { oldPath: stripPrefix(oldRaw, "a/"), newPath: stripPrefix(newRaw, "b/") };
}
