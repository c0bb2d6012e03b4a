// What git can tell of a stacked pull request: a `--base` that is a branch other than the default
// one (origin/HEAD, main, master) may be another pull request's head. Only GitHub knows whether
// one is open, so the stack is "not verified" (pullRequests: null), never guessed either way.
import type { StackFacts } from "../../shared/core/types.js";
import { DEFAULT_BASE_REFS, listRefs, pickDefaultBase } from "./resolve-refs.js";
import type { GitRunOptions } from "./run-git.js";

/** Needs no commit: it can run while git resolves them. */
export async function readStack(
  git: GitRunOptions,
  base: string | null,
): Promise<StackFacts | null> {
  if (base === null) return null; // the default branch
  const name = branchName(base);
  // One git call: the default base's candidates and the branches named like the base.
  const refs = await listRefs(
    [...DEFAULT_BASE_REFS, `refs/heads/${name}`, `refs/remotes/*/${name}`],
    git,
  );
  // Exactly the base's name (a pattern also lists `name/…` below it); origin/HEAD is no branch.
  const isBranch = (ref: string) =>
    ref === `refs/heads/${name}` ||
    (/^refs\/remotes\/[^/]+\//.test(ref) &&
      ref.slice(ref.indexOf("/", "refs/remotes/".length) + 1) === name &&
      ref !== "refs/remotes/origin/HEAD");
  const branches = [...refs.keys()].filter(isBranch);
  const defaultBase = pickDefaultBase(refs);
  // A commit or a tag is no pull request's head; the default branch stacks on nothing.
  if (branches.length === 0) return null;
  if (defaultBase !== null && branchName(defaultBase.ref) === name) return null;
  return { base: name, pullRequests: null };
}

/** `origin/feature`, `refs/heads/feature`, `refs/remotes/origin/feature` → `feature`. */
function branchName(ref: string): string {
  return ref.replace(/^refs\/(heads|remotes\/[^/]+)\//, "").replace(/^origin\//, "");
}
