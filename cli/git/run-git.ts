// Runs git without a shell and turns its failures into messages a user can act on.
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliError } from "../cli-error.js";
import { BatchError, type BatchedArg, type BatchedOutput, type GitBatch } from "./git-batch.js";
import {
  describeArg,
  partsOf,
  sourcesOf,
  waitForLines,
  type ArgWithLines,
  type OutputLine,
} from "./output-line.js";

export interface GitRunOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Written to git's stdin, then closed. */
  input?: GitArg;
  /** Exit codes that are answers, not failures (e.g. 1 from `merge-base` with no common ancestor). */
  okCodes?: number[];
  /**
   * git writes its output to a temporary file, not a pipe: a pipe holds 64 KB, and git waits
   * while it is full until this process, busy loading or parsing, reads it. For large outputs.
   */
  outputToFile?: boolean;
  /** Where a temporary file for git's output goes (default: the system's temporary folder). */
  tmpDir?: string;
  /** Run in this batch's shell, with the other calls queued in the same turn (git-batch.ts). */
  batch?: GitBatch | null;
}

export interface GitOutput {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** A git argument: text, or text and lines of an earlier call's output (see outputLine). */
export type GitArg = ArgWithLines<GitOutput>;

/**
 * Line `line` (from 0) of what `call` (a runGit result) writes to stdout, as (part of) a later
 * call's argument or input. The later call runs once `call` has exited 0, in the same shell when
 * both are batched together; when `call` fails, it is not run and rejects.
 */
export function outputLine(call: Promise<GitOutput>, line: number): OutputLine<GitOutput> {
  return { from: call, line };
}

// The batch's own promise behind each batched runGit result, so a later call's output lines
// can name the call the batch knows.
const batchedCalls = new WeakMap<Promise<GitOutput>, Promise<BatchedOutput>>();

/** Runs `git <args>`; rejects with a clear CLI error when git is missing or fails. */
export function runGit(args: readonly GitArg[], options: GitRunOptions): Promise<GitOutput> {
  if (options.batch) return runBatched(options.batch, args, options);
  if (sourcesOf(args, options.input).length > 0) {
    return waitForLines(args, options.input).then((filled) =>
      runGit(filled.args, { ...options, input: filled.input }),
    );
  }
  return spawnGit(args.map(describeArg), options.input && describeArg(options.input), options);
}

/** Spawns git for one call (arguments and input without output lines). */
function spawnGit(
  args: string[],
  input: string | undefined,
  options: GitRunOptions,
): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const file = options.outputToFile ? openOutputFile(options.tmpDir ?? tmpdir()) : null;
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: gitEnv(options.env),
      // A pipe costs time to set up: stdin is one only when there is input.
      stdio: [input === undefined ? "ignore" : "pipe", file?.fd ?? "pipe", "pipe"],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    child.stdin?.on("error", () => {
      // git may exit before reading all input; its exit code tells the story.
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      file?.remove();
      reject(spawnFailure(error.code, error.message, options.cwd));
    });
    child.on("close", (code) => {
      let stdout: Buffer;
      try {
        stdout = file === null ? Buffer.concat(out) : file.read();
      } catch (error) {
        reject(cliError(`could not read git's output: ${(error as Error).message}`));
        return;
      } finally {
        file?.remove();
      }
      const result = { stdout, stderr: Buffer.concat(err).toString("utf8"), code: code ?? 1 };
      try {
        resolve(settle(args, result, options));
      } catch (error) {
        reject(error as Error);
      }
    });
    child.stdin?.end(input);
  });
}

function runBatched(
  batch: GitBatch,
  args: readonly GitArg[],
  options: GitRunOptions,
): Promise<GitOutput> {
  // Output lines of batched calls name the batch's promise; others stay (the batch waits for them).
  const toBatch = (arg: GitArg): BatchedArg =>
    typeof arg === "string"
      ? arg
      : partsOf(arg).map((part) =>
          typeof part === "string"
            ? part
            : { ...part, from: batchedCalls.get(part.from) ?? part.from },
        );
  const input = options.input === undefined ? undefined : toBatch(options.input);
  const raw = batch.run({ args: args.map(toBatch), input });
  const result = settleBatched(raw, args, options);
  batchedCalls.set(result, raw);
  return result;
}

async function settleBatched(
  raw: Promise<BatchedOutput>,
  args: readonly GitArg[],
  options: GitRunOptions,
): Promise<GitOutput> {
  let result: GitOutput;
  try {
    result = await raw;
  } catch (error) {
    // Else a call that needed another's output, which failed: that one says why.
    if (!(error instanceof BatchError)) throw error;
    throw spawnFailure(error.code, error.message, options.cwd);
  }
  // The shell says 127 when it finds no git on PATH.
  if (result.code === 127 && /not found/i.test(result.stderr)) {
    throw spawnFailure("ENOENT", result.stderr.trim(), options.cwd);
  }
  return settle(args, result, options);
}

/** The environment git runs with (whether spawned here or by a batch's shell). */
export function gitEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  // English messages so failures can be recognised; never prompt for credentials.
  return { ...env, LC_ALL: "C", LANGUAGE: "C", GIT_TERMINAL_PROMPT: "0" };
}

/** The result when git's exit code is an answer, else the error for it. */
function settle(args: readonly GitArg[], result: GitOutput, options: GitRunOptions): GitOutput {
  // "Not a repository" is never an answer, whatever codes the caller accepts.
  const notRepository = result.code !== 0 && /not a git repository/i.test(result.stderr);
  if (!notRepository && (result.code === 0 || options.okCodes?.includes(result.code))) {
    return result;
  }
  throw gitFailure(args, result, options.cwd);
}

/** Why git could not be started. */
function spawnFailure(code: string | undefined, message: string, cwd: string): Error {
  // spawn says ENOENT for a missing working directory too.
  if (code === "ENOENT" && !existsSync(cwd)) return cliError(`no such directory: ${cwd}`);
  if (code === "ENOENT") {
    return cliError(`git not found: install git and make sure it is on PATH (${message})`);
  }
  return cliError(`could not run git: ${message}`);
}

/** A temporary file for git's output; removed once read (or when git could not start). */
function openOutputFile(tmpDir: string): { fd: number; read: () => Buffer; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpDir, "shipgate-git-output-"));
  const file = path.join(dir, "stdout");
  let fd: number | null = openSync(file, "w", 0o600);
  return {
    fd,
    read: () => readFileSync(file),
    remove: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs git and returns stdout as text. */
export async function gitText(args: readonly GitArg[], options: GitRunOptions): Promise<string> {
  return (await runGit(args, options)).stdout.toString("utf8");
}

function gitFailure(args: readonly GitArg[], result: GitOutput, cwd: string): Error {
  const detail = firstLine(result.stderr) || `exit code ${result.code}`;
  if (/not a git repository/i.test(result.stderr)) {
    return cliError(`not a git repository: ${cwd} (run inside a git checkout or pass --repo DIR)`);
  }
  if (/dubious ownership/i.test(result.stderr)) {
    return cliError(`git refuses to read ${cwd}: ${detail}`);
  }
  const command = args.map(describeArg).find((arg) => !arg.startsWith("-")) ?? "";
  return cliError(`git ${command} failed (git: ${detail})`);
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? ""
  );
}
