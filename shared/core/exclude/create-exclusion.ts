// Decides whether a changed file is left out of the counts, and why (shown to the author).
import { isLockfile } from "./lockfiles.js";
import { createGlobMatcher } from "./match-glob.js";
import { parseGitattributes } from "./parse-gitattributes.js";

/** `config` means one of the user's `exclude` globs. */
export type ExclusionReason = "lockfile" | "generated" | "vendored" | "config";

/**
 * Built-in exclusions come first (lockfile, then linguist-generated, then linguist-vendored), so
 * the reason shown is the most specific; a `!glob` in the config only re-includes what an earlier
 * config glob excluded.
 */
export function createExclusion(
  gitattributes: string | null,
  userGlobs: readonly string[],
): (path: string) => ExclusionReason | null {
  const linguist = parseGitattributes(gitattributes);
  const configured = createGlobMatcher(userGlobs);
  return (path) => {
    if (isLockfile(path)) return "lockfile";
    const attributes = linguist(path);
    if (attributes.generated) return "generated";
    if (attributes.vendored) return "vendored";
    return configured(path) ? "config" : null;
  };
}
