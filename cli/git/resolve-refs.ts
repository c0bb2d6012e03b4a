// Turns a user-given ref into a commit SHA (with git's reason when it cannot), and picks the
// default base branch.
import { cliError } from "../cli-error.js";
import type { GitRef } from "../../shared/core/types.js";
import { gitText, runGit, type GitRunOptions } from "./run-git.js";

/** The SHA of the commit `ref` names, or a clear "unknown revision" error. */
export async function resolveCommit(ref: string, options: GitRunOptions): Promise<string> {
  // A leading dash would be read as an option by git.
  if (ref === "" || ref.startsWith("-")) throw cliError(`invalid revision '${ref}'`);
  const result = await runGit(["rev-parse", "--verify", `${ref}^{commit}`], {
    ...options,
    okCodes: [128],
  });
  if (result.code !== 0) {
    const detail = result.stderr.trim().split("\n")[0] ?? "";
    throw cliError(`unknown revision '${ref}' (git: ${detail || `exit code ${result.code}`})`);
  }
  return result.stdout.toString("utf8").trim();
}

/** Where the default base branch is looked for, in order. */
export const DEFAULT_BASE_REFS = [
  "refs/remotes/origin/HEAD",
  "refs/heads/main",
  "refs/heads/master",
];

/** The refs matching `patterns` (for-each-ref patterns): name → symbolic target and SHA. */
export async function listRefs(
  patterns: readonly string[],
  options: GitRunOptions,
): Promise<Map<string, { target: string; sha: string }>> {
  const listing = await gitText(
    ["for-each-ref", "--format=%(refname)%00%(symref)%00%(objectname)", ...patterns],
    options,
  );
  return new Map(
    listing
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => {
        const [name = "", target = "", sha = ""] = line.split("\0");
        return [name, { target, sha }] as const;
      }),
  );
}

/** origin/HEAD's branch, else `main`, else `master`; otherwise ask for --base. One git call. */
export async function resolveDefaultBase(options: GitRunOptions): Promise<GitRef> {
  const base = pickDefaultBase(await listRefs(DEFAULT_BASE_REFS, options));
  if (base !== null) return base;
  throw cliError(
    "cannot find a default base branch (no origin/HEAD, main or master): pass --base REF",
  );
}

/**
 * The default base among listed refs (see listRefs; it must include DEFAULT_BASE_REFS), or null.
 * A dangling origin/HEAD is not listed, so the next candidate takes over.
 */
export function pickDefaultBase(
  refs: ReadonlyMap<string, { target: string; sha: string }>,
): GitRef | null {
  const originHead = refs.get("refs/remotes/origin/HEAD");
  if (originHead?.target.startsWith("refs/remotes/")) {
    return { ref: originHead.target.slice("refs/remotes/".length), sha: originHead.sha };
  }
  for (const name of ["main", "master"]) {
    const branch = refs.get(`refs/heads/${name}`);
    if (branch) return { ref: name, sha: branch.sha };
  }
  return null;
}
