// The first half of `shipgate check`: everything it asks git and the disk, started at once. It is
// a small chunk of its own, so main() starts git before it loads the rules: git works on another
// core while this process compiles them (loading the rules costs more than most of git's work).
import path from "node:path";
import type { CheckCommand } from "../args.js";
import type { CliIo } from "../cli-io.js";
import { createGitBatch } from "../git/git-batch.js";
import {
  commitsOf,
  startOpeningRepository,
  type CommitsToRead,
  type GitRepository,
} from "../git/open-repository.js";
import { readBaseFiles, type BaseFiles } from "../git/read-base-files.js";
import { readChanges, type Changes } from "../git/read-changes.js";
import { readStack } from "../git/read-stack.js";
import { gitEnv } from "../git/run-git.js";
import { readTextFile } from "../read-text-file.js";
import type { StackFacts } from "../../shared/core/types.js";

export interface StartedCheck {
  repo: Promise<GitRepository>;
  body: Promise<string | null>;
  configFromDisk: Promise<string | null>;
  baseFiles: Promise<BaseFiles>;
  changes: Promise<Changes>;
  stack: Promise<StackFacts | null>;
}

/** Starts every read; each promise is awaited by runCheck, none rejects unhandled meanwhile. */
export function startCheck(command: CheckCommand, io: CliIo): StartedCheck {
  const dir = path.resolve(io.cwd, command.repo ?? ".");
  // The calls started together share one shell: the three that name the commits, and the three
  // that read them, which the shell starts once rev-parse (and, with no --base, for-each-ref,
  // whose first line is the likeliest default branch) has named them.
  const batch = createGitBatch(dir, gitEnv(io.env));
  const opening = startOpeningRepository({
    dir,
    env: io.env,
    base: command.base,
    head: command.head,
    batch,
  });
  const { repo, commits } = opening;
  const read = <T>(reader: (commits: CommitsToRead) => Promise<T>): Promise<T> => {
    const again = () => repo.then((opened) => reader(commitsOf(opened)));
    if (commits === null) return again();
    const first = reader(commits);
    if (commits.baseGuessed === undefined) return first;
    // The default base was guessed: if wrong (an odd origin/HEAD), read again once it is known.
    first.catch(() => undefined);
    return commits.baseGuessed.then((right) => (right ? first : again()));
  };
  const started: StartedCheck = {
    repo,
    body: readBody(command, io),
    configFromDisk:
      command.config === null
        ? Promise.resolve(null)
        : readTextFile(command.config, io.cwd, "--config"),
    baseFiles: read(readBaseFiles),
    // git computes the diff while this process loads the rules and parses coverage reports.
    changes: read(readChanges),
    // Only refs: it starts with the first git calls, not after them.
    stack: readStack({ cwd: dir, env: io.env, batch }, command.base),
  };
  // Awaited in runCheck, in its order; never an unhandled rejection if it stops early.
  const { body, configFromDisk, baseFiles, changes, stack } = started;
  for (const promise of [repo, body, configFromDisk, baseFiles, changes, stack])
    (promise as Promise<unknown>).catch(() => undefined);
  batch?.flush();
  return started;
}

async function readBody(command: CheckCommand, io: CliIo): Promise<string | null> {
  if (command.body === null) return null;
  if (command.body.kind === "text") return command.body.text;
  if (command.body.path === "-") return io.readStdin();
  return readTextFile(command.body.path, io.cwd, "--body-file");
}
