// Test helper: builds a throwaway git repository with a base and a head commit, so diff tests
// parse what real git prints rather than hand-written text.
import { chmodSync, mkdirSync, mkdtempSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createGitSandbox } from "../../helpers/git-sandbox.js";

/** File content, `null` to delete it at head, or content with the executable bit. */
export type FileSpec =
  string | Uint8Array | null | { content: string | Uint8Array; executable: true };

export interface RepoChange {
  base: Record<string, FileSpec>;
  /** Applied on top of `base` for the head commit. */
  head: Record<string, FileSpec>;
}

/** The command the CLI adapter runs, minus the revision range. */
export const DIFF_COMMAND = [
  "diff",
  "--no-color",
  "--no-ext-diff",
  "-M",
  "-C",
  "--src-prefix=a/",
  "--dst-prefix=b/",
];

export type Git = (args: string[]) => string;

function writeSpec(root: string, path: string, spec: FileSpec): void {
  const file = join(root, path);
  if (spec === null) {
    unlinkSync(file);
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  const isPlain = typeof spec === "string" || spec instanceof Uint8Array;
  writeFileSync(file, isPlain ? spec : spec.content);
  chmodSync(file, isPlain ? 0o644 : 0o755);
}

/** Runs `use` against a repository holding `change` as commits tagged `base` and HEAD. */
export function withRepo<T>(change: RepoChange, use: (git: Git) => T): T {
  const sandbox = createGitSandbox(mkdtempSync(join(tmpdir(), "shipgate-diff-")));
  const { dir, git } = sandbox;
  try {
    for (const [path, spec] of Object.entries(change.base)) writeSpec(dir, path, spec);
    git(["add", "-A"]);
    git(["commit", "-q", "--allow-empty", "-m", "base"]);
    git(["tag", "base"]);
    for (const [path, spec] of Object.entries(change.head)) writeSpec(dir, path, spec);
    git(["add", "-A"]);
    git(["commit", "-q", "--allow-empty", "-m", "head"]);
    return use(git);
  } finally {
    sandbox.remove();
  }
}

export interface DiffOptions {
  /** Extra `git diff` flags, e.g. `-U0`, `--find-copies-harder`, `--binary`. */
  args?: string[];
  /** `-c` settings for the diff only, e.g. `core.quotePath=false`. */
  config?: string[];
}

/** The diff text git prints for `change`, with the CLI's flags plus `options`. */
export function gitDiff(change: RepoChange, options: DiffOptions = {}): string {
  const config = (options.config ?? []).flatMap((setting) => ["-c", setting]);
  return withRepo(change, (git) =>
    git([...config, ...DIFF_COMMAND, ...(options.args ?? []), "base...HEAD"]),
  );
}
