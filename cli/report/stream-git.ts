// Runs git and hands its output to a reader as it arrives, so a long history is never held whole
// in memory. For small answers, cli/git/run-git.ts buffers instead.
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { cliError } from "../cli-error.js";
import type { GitRunOptions } from "../git/run-git.js";

export interface GitStream {
  push: (chunk: string) => void;
  end: () => void;
}

/** Runs `git <args>`, feeding `input` to stdin; rejects with git's first error line. */
export function streamGit(
  args: string[],
  options: Pick<GitRunOptions, "cwd" | "env" | "input">,
  reader: GitStream,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: { ...options.env, LC_ALL: "C", LANGUAGE: "C", GIT_TERMINAL_PROMPT: "0" },
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    const decoder = new StringDecoder("utf8");
    const err: Buffer[] = [];
    let failure: unknown = null;
    const guard = (work: () => void): void => {
      if (failure !== null) return;
      try {
        work();
      } catch (error) {
        failure = error;
        child.kill();
      }
    };
    child.stdout.on("data", (chunk: Buffer) => guard(() => reader.push(decoder.write(chunk))));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.stdin.on("error", () => {
      // git may exit before reading all input; its exit code tells the story.
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      failure ??= cliError(
        error.code === "ENOENT"
          ? `git not found or no such directory ${options.cwd} (${error.message})`
          : `could not run git: ${error.message}`,
      );
    });
    child.on("close", (code) => {
      if (failure === null && code === 0) {
        guard(() => {
          reader.push(decoder.end());
          reader.end();
        });
      }
      if (failure !== null) return reject(failure);
      if (code === 0) return resolve();
      const detail =
        Buffer.concat(err).toString("utf8").trim().split("\n")[0] || `exit code ${code}`;
      reject(cliError(`git ${args.find((a) => !a.startsWith("-")) ?? ""} failed (git: ${detail})`));
    });
    child.stdin.end(options.input ?? "");
  });
}
