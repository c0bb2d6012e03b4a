// Decides which changed files are source that some coverage report must measure: they match
// `include` and are neither built-in non-source (tests, examples, docs, scripts, config…) nor
// `exclude`d. A `!pattern` in `exclude` re-includes a built-in non-source path.
import { createGlobMatcher } from "../../exclude/match-glob.js";
import { NOT_SOURCE } from "./source-files.js";

export function createSourceFileFilter(
  include: readonly string[],
  exclude: readonly string[],
): (path: string) => boolean {
  const included = createGlobMatcher(include);
  const notSource = createGlobMatcher([...NOT_SOURCE, ...exclude]);
  return (path) => included(path) && !notSource(path);
}
