// What git can tell of a stacked pull request: a `--base` that is a branch other than the default
// one (origin/HEAD, main, master) may be another pull request's head. Only GitHub knows whether
// one is open, so the stack is "not verified" (pullRequests: null), never guessed either way.
import type { StackFacts } from "../../shared/core/types.js";
import type { GitRepository } from "./open-repository.js";
import { resolveDefaultBase } from "./resolve-refs.js";
import { gitText } from "./run-git.js";

export async function readStack(
  repo: GitRepository,
  base: string | null,
): Promise<StackFacts | null> {
  if (base === null) return null; // the default branch
  const name = branchName(base);
  const [defaultBase, branches] = await Promise.all([
    resolveDefaultBase(repo.git).catch(() => null),
    gitText(
      ["for-each-ref", "--format=%(refname)", `refs/heads/${name}`, `refs/remotes/*/${name}`],
      repo.git,
    ),
  ]);
  // A commit or a tag is no pull request's head; the default branch stacks on nothing.
  if (branches.trim() === "") return null;
  if (defaultBase !== null && branchName(defaultBase.ref) === name) return null;
  return { base: name, pullRequests: null };
}

/** `origin/feature`, `refs/heads/feature`, `refs/remotes/origin/feature` → `feature`. */
function branchName(ref: string): string {
  return ref.replace(/^refs\/(heads|remotes\/[^/]+)\//, "").replace(/^origin\//, "");
}
