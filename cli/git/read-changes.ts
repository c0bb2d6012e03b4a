// Reads what the branch changes, as GitHub shows a pull request: the diff from the merge base
// of base and head, plus every file path at head. The git calls run concurrently.
import { parseDiff } from "../../shared/core/diff/parse-diff.js";
import type { ChangedFile } from "../../shared/core/types.js";
import type { GitRepository } from "./open-repository.js";
import { CONFIG_PATH } from "./read-base-files.js";
import { cliError } from "../cli-error.js";
import { runGit } from "./run-git.js";

export interface Changes {
  files: ChangedFile[];
  /** Every file path at head, repository-relative. */
  repoFiles: string[];
}

export async function readChanges(repo: GitRepository): Promise<Changes> {
  // `base...head` diffs from the merge base, as GitHub does, without a separate merge-base call.
  const range = `${repo.base.sha}...${repo.head.sha}`;
  const [diff, tree] = await Promise.all([
    runGit(diffArgs(range), { ...repo.git, okCodes: [128] }),
    runGit(["ls-tree", "-r", "--full-tree", "--name-only", "-z", repo.head.sha], repo.git),
  ]);
  if (diff.code !== 0) {
    const detail = diff.stderr.trim().split("\n")[0] ?? "";
    throw cliError(
      /no merge base/.test(detail)
        ? `'${repo.base.ref}' and '${repo.head.ref}' have no common ancestor ` +
            "(in a shallow clone, fetch more history: git fetch --unshallow)"
        : `git diff failed (git: ${detail})`,
    );
  }
  return {
    files: parseDiff(diff.stdout.toString("utf8")),
    repoFiles: tree.stdout
      .toString("utf8")
      .split("\0")
      .filter((path) => path !== ""),
  };
}

/** True when the diff touches the gate's own config (added, edited, renamed or deleted). */
export function changesConfig(files: ChangedFile[]): boolean {
  return files.some((file) => file.path === CONFIG_PATH || file.previousPath === CONFIG_PATH);
}

/** The git diff arguments for `range`; the diff-cover agreement tests use the same. */
export function diffArgs(range: string): string[] {
  // Explicit flags override user config (external diff, textconv, prefixes, relative paths).
  // -U0: rules need added lines only, and less text is faster to produce and parse.
  return [
    "-c",
    "core.quotePath=true",
    "diff",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
  ].concat(["--no-relative", "-U0", "-M", "-C", "--src-prefix=a/", "--dst-prefix=b/", range]);
}
