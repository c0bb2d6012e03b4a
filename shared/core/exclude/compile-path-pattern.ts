// Compiles one gitignore-style pattern (no `!`, already unquoted) into a path test, on picomatch.
import picomatch from "picomatch";

export interface PathPattern {
  /** True when the pattern names the path itself (never for a pattern ending in `/`). */
  matchesFile: (path: string) => boolean;
  /** True when the pattern names this directory path (no trailing slash). */
  matchesDirectory: (dir: string) => boolean;
}

// `dot`: `*.lock` must match `.hidden.lock`, as git's wildmatch does. `windows: false`: paths are
// always forward-slashed, and picomatch must not look at the platform. `nonegate`: we handle `!`.
const PICOMATCH_OPTIONS = { dot: true, windows: false, nonegate: true } as const;

const NEVER = (): boolean => false;

export function compilePathPattern(pattern: string): PathPattern {
  const directoryOnly = pattern.endsWith("/");
  const body = pattern.replace(/\/+$/, "");
  if (body === "") return { matchesFile: NEVER, matchesDirectory: NEVER };
  // A slash anywhere but at the end anchors the pattern at the root; otherwise it names a
  // basename at any depth.
  const anchored = body.includes("/");
  const glob = anchored ? body.replace(/^\/+/, "") : `**/${body}`;
  const matcher = picomatch(glob, PICOMATCH_OPTIONS);
  // Wrapped: picomatch's second parameter asks for a result object, which is always truthy.
  const test = (path: string): boolean => matcher(path);
  return { matchesFile: directoryOnly ? NEVER : test, matchesDirectory: test };
}

/** `a/b/c.txt` -> `["a", "a/b"]`: the directories a gitignore-style pattern can name. */
export function parentDirectories(path: string): string[] {
  const dirs: string[] = [];
  let slash = path.indexOf("/");
  while (slash !== -1) {
    dirs.push(path.slice(0, slash));
    slash = path.indexOf("/", slash + 1);
  }
  return dirs;
}
