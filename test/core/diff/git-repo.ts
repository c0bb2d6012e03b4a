// Test helper: builds a throwaway git repository with a base and a head commit, so diff tests
// parse what real git prints rather than hand-written text.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

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

// Pinned so a developer's own git config cannot change what the tests see.
const GIT_SETTINGS = [
  "user.name=Test",
  "user.email=test@example.com",
  "core.autocrlf=false",
  "core.fileMode=true",
  "init.defaultBranch=main",
].flatMap((setting) => ["-c", setting]);

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
  const root = mkdtempSync(join(tmpdir(), "shipgate-diff-"));
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    HOME: root,
  };
  const git: Git = (args) =>
    execFileSync("git", [...GIT_SETTINGS, ...args], {
      cwd: root,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1 << 26,
    });
  try {
    git(["init", "-q"]);
    for (const [path, spec] of Object.entries(change.base)) writeSpec(root, path, spec);
    git(["add", "-A"]);
    git(["commit", "-q", "--allow-empty", "-m", "base"]);
    git(["tag", "base"]);
    for (const [path, spec] of Object.entries(change.head)) writeSpec(root, path, spec);
    git(["add", "-A"]);
    git(["commit", "-q", "--allow-empty", "-m", "head"]);
    return use(git);
  } finally {
    rmSync(root, { recursive: true, force: true });
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
