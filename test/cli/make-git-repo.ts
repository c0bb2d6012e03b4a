// Test helper: a throwaway git repository made with real git — files committed on `main`, then
// a `feature` branch (checked out) with a change — and an in-memory CliIo to run main() in it.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CliIo } from "../../cli/cli-io.js";

/** File content, or null to delete the file. */
export type Files = Record<string, string | Uint8Array | null>;

export interface TestRepo {
  dir: string;
  /** The environment git runs with: no user or system config leaks in. */
  env: Record<string, string | undefined>;
  git: (...args: string[]) => string;
  /** Writes files into the working tree (not committed). */
  write: (files: Files) => void;
  /** Writes files and commits them on the current branch. */
  commit: (message: string, files: Files) => void;
  remove: () => void;
}

/** A repository with `base` committed on main and, unless head is null, `head` on feature. */
export function makeGitRepo(
  base: Files,
  head: Files | null = {},
  message = "Add the change",
): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), "shipgate-cli-"));
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    HOME: dir,
    NO_COLOR: undefined,
  };
  const git = (...args: string[]): string =>
    execFileSync(
      "git",
      [
        "-c",
        "user.name=Ada Lovelace",
        "-c",
        "user.email=ada@example.com",
        "-c",
        "core.autocrlf=false",
      ].concat(["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"], args),
      { cwd: dir, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
    );
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
  const commit = (msg: string, files: Files): void => {
    write(files);
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", msg);
  };
  git("init", "-q");
  commit("Initial commit", base);
  if (head !== null) {
    git("checkout", "-q", "-b", "feature");
    commit(message, head);
  }
  return {
    dir,
    env,
    git,
    write,
    commit,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestIo {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

/** A CliIo that records output; stdout is not a terminal unless `isTTY` says so. */
export function makeIo(
  cwd: string,
  overrides: { env?: Record<string, string | undefined>; isTTY?: boolean; stdin?: string } = {},
): TestIo {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      cwd,
      env: overrides.env ?? {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_CONFIG_GLOBAL: "/dev/null",
      },
      isTTY: overrides.isTTY ?? false,
      readStdin: async () => overrides.stdin ?? "",
    },
    stdout: () => out,
    stderr: () => err,
  };
}

/** `n` numbered lines of code, newline-terminated. */
export function lines(n: number, prefix = "line"): string {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join("");
}
