// Reads what the branch changes, as GitHub shows a pull request: the diff from the merge base
// of base and head, plus every file path at head. The git calls run concurrently.
import { goModPaths, readGoModules } from "../../shared/core/coverage/read-go-modules.js";
import { parseDiff } from "../../shared/core/diff/parse-diff.js";
import type { ChangedFile, GoModule } from "../../shared/core/types.js";
import type { CommitsToRead } from "./open-repository.js";
import { joined } from "./output-line.js";
import { CONFIG_PATH } from "./read-base-files.js";
import { cliError } from "../cli-error.js";
import { readObjects } from "./read-objects.js";
import { runGit, type GitArg } from "./run-git.js";

export interface Changes {
  files: ChangedFile[];
  /** Every file path at head, repository-relative. */
  repoFiles: string[];
  /** The Go modules at head. */
  goModules: GoModule[];
}

export async function readChanges(commits: CommitsToRead): Promise<Changes> {
  // `base...head` diffs from the merge base, as GitHub does, without a separate merge-base call.
  const range = joined(commits.base, "...", commits.head);
  const [diff, tree] = await Promise.all([
    runGit(diffArgs(range), { ...commits.git, okCodes: [128], outputToFile: true }),
    runGit(["ls-tree", "-r", "--full-tree", "--name-only", "-z", commits.head], {
      ...commits.git,
      outputToFile: true,
    }),
  ]);
  if (diff.code !== 0) {
    const repo = await commits.repo;
    const detail = diff.stderr.trim().split("\n")[0] ?? "";
    throw cliError(
      /no merge base/.test(detail)
        ? `'${repo.base.ref}' and '${repo.head.ref}' have no common ancestor ` +
            "(in a shallow clone, fetch more history: git fetch --unshallow)"
        : `git diff failed (git: ${detail})`,
    );
  }
  const repoFiles = tree.stdout
    .toString("utf8")
    .split("\0")
    .filter((path) => path !== "");
  return {
    files: parseDiff(diff.stdout.toString("utf8")),
    repoFiles,
    goModules: await readGoModulesAt(commits, repoFiles),
  };
}

async function readGoModulesAt(
  { head, git }: CommitsToRead,
  repoFiles: string[],
): Promise<GoModule[]> {
  const paths = goModPaths(repoFiles);
  const blobs = await readObjects(
    paths.map((path) => joined(head, `:${path}`)),
    git,
  );
  const texts = new Map<string, string>();
  paths.forEach((path, i) => {
    const blob = blobs[i];
    if (blob) texts.set(path, blob.toString("utf8"));
  });
  return readGoModules(texts);
}

/** True when the diff touches the gate's own config (added, edited, renamed or deleted). */
export function changesConfig(files: ChangedFile[]): boolean {
  return files.some((file) => file.path === CONFIG_PATH || file.previousPath === CONFIG_PATH);
}

/** The git diff arguments for `range`; the diff-cover agreement tests use the same. */
export function diffArgs<Range extends GitArg>(range: Range): (string | Range)[] {
  // Explicit flags override user config (external diff, textconv, prefixes, relative paths).
  // -U0: rules need added lines only, and less text is faster to produce and parse.
  // -M without -C: renames as git and GitHub count them by default; a copy is an added file.
  return [
    "-c",
    "core.quotePath=true",
    "diff",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--no-relative",
    "-U0",
    "-M",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    range,
  ];
}
