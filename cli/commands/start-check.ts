// The first half of `shipgate check`: everything it asks git and the disk, started at once. It is
// a small chunk of its own, so main() starts git before it loads the rules: git works on another
// core while this process compiles them (loading the rules costs more than most of git's work).
import path from "node:path";
import type { CheckCommand } from "../args.js";
import type { CliIo } from "../cli-io.js";
import { openRepository, type GitRepository } from "../git/open-repository.js";
import { readBaseFiles, type BaseFiles } from "../git/read-base-files.js";
import { readChanges, type Changes } from "../git/read-changes.js";
import { readStack } from "../git/read-stack.js";
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
  const repo = openRepository({ dir, env: io.env, base: command.base, head: command.head });
  const started: StartedCheck = {
    repo,
    body: readBody(command, io),
    configFromDisk:
      command.config === null
        ? Promise.resolve(null)
        : readTextFile(command.config, io.cwd, "--config"),
    baseFiles: repo.then(readBaseFiles),
    // git computes the diff while this process loads the rules and parses coverage reports.
    changes: repo.then(readChanges),
    // Only refs: it starts with the first git calls, not after them.
    stack: readStack({ cwd: dir, env: io.env }, command.base),
  };
  // Awaited in runCheck, in its order; never an unhandled rejection if it stops early.
  for (const promise of Object.values(started))
    (promise as Promise<unknown>).catch(() => undefined);
  return started;
}

async function readBody(command: CheckCommand, io: CliIo): Promise<string | null> {
  if (command.body === null) return null;
  if (command.body.kind === "text") return command.body.text;
  if (command.body.path === "-") return io.readStdin();
  return readTextFile(command.body.path, io.cwd, "--body-file");
}
