// Test helper: a real git repository in a folder, run with no user or system git config and
// pinned settings, so every test sees the same git whatever the machine's own configuration.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Path → content; `null` deletes the file. */
export type Files = Record<string, string | Uint8Array | null>;

export interface GitSandbox {
  dir: string;
  /** The environment git runs with (also for tools that run git themselves, e.g. diff-cover). */
  env: Record<string, string | undefined>;
  git: (args: string[]) => string;
  /** Writes files into the working tree (not committed). */
  write: (files: Files) => void;
  /** Writes files, stages everything and commits on the current branch. */
  commit: (message: string, files: Files) => void;
  remove: () => void;
}

const SETTINGS = [
  "user.name=Ada Lovelace",
  "user.email=ada@example.com",
  "core.autocrlf=false",
  "core.fileMode=true",
  "init.defaultBranch=main",
  "commit.gpgsign=false",
].flatMap((setting) => ["-c", setting]);

/** A new repository (`git init`) in `dir`, or in a new temporary folder. */
export function createGitSandbox(dir = mkdtempSync(join(tmpdir(), "shipgate-git-"))): GitSandbox {
  mkdirSync(dir, { recursive: true });
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    HOME: dir,
    GIT_AUTHOR_NAME: "Ada Lovelace",
    GIT_AUTHOR_EMAIL: "ada@example.com",
    GIT_COMMITTER_NAME: "Ada Lovelace",
    GIT_COMMITTER_EMAIL: "ada@example.com",
    NO_COLOR: undefined,
  };
  const git = (args: string[]): string =>
    execFileSync("git", [...SETTINGS, ...args], {
      cwd: dir,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 256 * 1024 * 1024,
    });
  const write = (files: Files): void => {
    for (const [path, content] of Object.entries(files)) {
      const file = join(dir, path);
      if (content === null) {
        rmSync(file, { force: true });
        continue;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  };
  const commit = (message: string, files: Files): void => {
    write(files);
    git(["add", "-A"]);
    git(["commit", "-q", "--allow-empty", "-m", message]);
  };
  git(["init", "-q"]);
  return {
    dir,
    env,
    git,
    write,
    commit,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
