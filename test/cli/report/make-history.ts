// Test helper: a git history built commit by commit with set author and committer dates, so a
// report over it has figures a test can work out by hand.
import { createGitSandbox, type Files, type GitSandbox } from "../../helpers/git-sandbox.js";

export interface History extends GitSandbox {
  /** Commits on the current branch; `author` defaults to `at`. ISO times, UTC. */
  commitAt: (at: string, message: string, files: Files, author?: string) => string;
  /** `git merge --no-ff` of `branch` into the current branch, with that message. */
  mergeAt: (at: string, branch: string, subject: string, body?: string) => string;
  checkout: (branch: string, create?: boolean) => void;
  sha: (rev: string) => string;
}

export function makeHistory(): History {
  const sandbox = createGitSandbox();
  // The sandbox's git reads this object at each call: dates set here apply to the next command.
  const dated = <T>(author: string, committer: string, run: () => T): T => {
    sandbox.env.GIT_AUTHOR_DATE = author;
    sandbox.env.GIT_COMMITTER_DATE = committer;
    try {
      return run();
    } finally {
      delete sandbox.env.GIT_AUTHOR_DATE;
      delete sandbox.env.GIT_COMMITTER_DATE;
    }
  };
  const sha = (rev: string): string => sandbox.git(["rev-parse", rev]).trim();
  return {
    ...sandbox,
    sha,
    commitAt: (at, message, files, author = at) =>
      dated(author, at, () => {
        sandbox.commit(message, files);
        return sha("HEAD");
      }),
    mergeAt: (at, branch, subject, body) =>
      dated(at, at, () => {
        const messages = body === undefined ? ["-m", subject] : ["-m", subject, "-m", body];
        sandbox.git(["merge", "-q", "--no-ff", ...messages, branch]);
        return sha("HEAD");
      }),
    checkout: (branch, create = false) =>
      void sandbox.git(create ? ["checkout", "-q", "-b", branch] : ["checkout", "-q", branch]),
  };
}

/** `n` numbered lines, newline-terminated. */
export function lines(n: number, prefix = "line"): string {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join("");
}
