// Turns a user-given ref into a commit SHA (with git's reason when it cannot), and picks the
// default base branch.
import { cliError } from "../cli-error.js";
import type { GitRef } from "../../shared/core/types.js";
import { runGit, type GitOutput, type GitRunOptions } from "./run-git.js";

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
  return parseRefs((await startListingRefs(patterns, options)).stdout);
}

/**
 * The for-each-ref call listRefs makes: each ref as two lines, its SHA, then its name and
 * symbolic target. Sorted by the name's last part, so the default base's candidates come in the
 * order pickDefaultBase prefers them (HEAD, main, master; uppercase sorts first): line 0 is the
 * SHA of the default base, unless a candidate is odd (an origin/HEAD outside refs/remotes).
 */
function startListingRefs(patterns: readonly string[], options: GitRunOptions): Promise<GitOutput> {
  const format = "--format=%(objectname)%0a%(refname)%00%(symref)";
  return runGit(["for-each-ref", "--sort=refname:lstrip=-1", format, ...patterns], options);
}

function parseRefs(stdout: Buffer): Map<string, { target: string; sha: string }> {
  const lines = stdout.toString("utf8").split("\n");
  const refs = new Map<string, { target: string; sha: string }>();
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const [name = "", target = ""] = (lines[i + 1] ?? "").split("\0");
    refs.set(name, { target, sha: lines[i] ?? "" });
  }
  return refs;
}

/**
 * Starts looking for the default base: origin/HEAD's branch, else `main`, else `master`;
 * otherwise `base` asks for --base. One git call, `listing`: its line 0 is the default
 * base's SHA when `base` resolves to that same SHA (see startListingRefs), so calls that read
 * the base can start on that line before `base` is known, and be checked after.
 */
export function startDefaultBase(options: GitRunOptions): {
  listing: Promise<GitOutput>;
  base: Promise<GitRef>;
} {
  const listing = startListingRefs(DEFAULT_BASE_REFS, options);
  const base = listing.then(({ stdout }) => {
    const picked = pickDefaultBase(parseRefs(stdout));
    if (picked !== null) return picked;
    throw cliError(
      "cannot find a default base branch (no origin/HEAD, main or master): pass --base REF",
    );
  });
  return { listing, base };
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
