// Test helper: a throwaway git repository made with real git — files committed on `main`, then
// a `feature` branch (checked out) with a change — and an in-memory CliIo to run main() in it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../cli/cli-io.js";
import { createGitSandbox, type Files, type GitSandbox } from "../helpers/git-sandbox.js";

export type { Files };

export interface TestRepo extends Omit<GitSandbox, "git"> {
  git: (...args: string[]) => string;
}

/** A repository with `base` committed on main and, unless head is null, `head` on feature. */
export function makeGitRepo(
  base: Files,
  head: Files | null = {},
  message = "Add the change",
): TestRepo {
  const sandbox = createGitSandbox(mkdtempSync(join(tmpdir(), "shipgate-cli-")));
  sandbox.commit("Initial commit", base);
  if (head !== null) {
    sandbox.git(["checkout", "-q", "-b", "feature"]);
    sandbox.commit(message, head);
  }
  return { ...sandbox, git: (...args) => sandbox.git(args) };
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
