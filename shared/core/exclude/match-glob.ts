// Matches repository paths against the user's `exclude` globs, with gitignore-like semantics.
//
// Semantics (paths are repository-relative, forward slashes, case-sensitive):
// - A pattern without a `/` matches a file or directory name at any depth:
//   `*.snap` matches `x.snap` and `a/b/x.snap`; `vendor` matches `vendor/x.js` and `a/vendor/y.js`.
// - A leading `/`, or a `/` in the middle, anchors the pattern at the repository root:
//   `/build` and `docs/api` match only from the root (`docs/api/x.md`, not `src/docs/api/x.md`).
// - A pattern that matches a directory matches everything under it, at any depth.
// - A trailing `/` matches only directories: `vendor/` matches `vendor/x/y.js` and `a/vendor/z`,
//   but not a file named `vendor`.
// - `*` and `?` do not cross `/`; `**` matches any number of directories (`a/**/b`, `**/x`,
//   `logs/**`); `[abc]` and `{a,b}` work as in picomatch.
// - Wildcards match dotfiles: `*.lock` matches `.hidden.lock`.
// - `!pattern` re-includes what an earlier pattern excluded; the last matching pattern wins.
//   Unlike git, a file can be re-included even when its directory was excluded.
//   `\!` and `\#` at the start match a literal `!` or `#`.
// - Surrounding whitespace is trimmed; empty patterns are ignored.
import { compilePathPattern, parentDirectories, type PathPattern } from "./compile-path-pattern.js";

interface GlobRule extends PathPattern {
  negated: boolean;
}

function compileRule(raw: string): GlobRule | null {
  const trimmed = raw.trim();
  const negated = trimmed.startsWith("!");
  let pattern = negated ? trimmed.slice(1) : trimmed;
  // picomatch would read `\!x` as an escaped `!` anyway; `\#` needs the backslash dropped.
  if (pattern.startsWith("\\#")) pattern = pattern.slice(1);
  if (pattern === "") return null;
  return { negated, ...compilePathPattern(pattern) };
}

/** True when a path is excluded by `patterns` (see the semantics above). */
export function createGlobMatcher(patterns: readonly string[]): (path: string) => boolean {
  const rules = patterns.map(compileRule).filter((rule): rule is GlobRule => rule !== null);
  if (rules.length === 0) return () => false;
  return (path) => {
    const dirs = parentDirectories(path);
    for (let r = rules.length - 1; r >= 0; r -= 1) {
      const rule = rules[r] as GlobRule;
      if (rule.matchesFile(path) || dirs.some(rule.matchesDirectory)) return !rule.negated;
    }
    return false;
  };
}
