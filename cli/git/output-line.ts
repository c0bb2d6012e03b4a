// Lets a git call use a line of an earlier call's output (a commit's SHA from `rev-parse`, say)
// in its arguments or input before that output is known. In a batch (git-batch.ts) the shell
// fills the line in as soon as the earlier call has run, so the later call starts without a
// round trip through this process; elsewhere the later call waits for the earlier one here.
// The later call runs only when the earlier one exited 0.
import { cliError } from "../cli-error.js";

/** Line `line` (from 0) of what the call whose result is `from` wrote to stdout. */
export interface OutputLine<Output> {
  readonly from: Promise<Output>;
  readonly line: number;
}

/** A git argument (or a call's input): text, or text and output lines joined. */
export type ArgWithLines<Output> = string | readonly (string | OutputLine<Output>)[];

/** The parts of an argument, text and output lines in order. */
export function partsOf<Output>(
  arg: ArgWithLines<Output>,
): readonly (string | OutputLine<Output>)[] {
  return typeof arg === "string" ? [arg] : arg;
}

/** The arguments' parts, in order, as one argument: text when none is an output line. */
export function joined<Output>(...args: ArgWithLines<Output>[]): ArgWithLines<Output> {
  const parts = args.flatMap((arg) => partsOf(arg));
  return parts.every((part) => typeof part === "string") ? parts.join("") : parts;
}

/** The calls whose output the arguments and input use, each once. */
export function sourcesOf<Output>(
  args: readonly ArgWithLines<Output>[],
  input: ArgWithLines<Output> | undefined,
): Promise<Output>[] {
  const sources = new Set<Promise<Output>>();
  for (const arg of input === undefined ? args : [...args, input]) {
    for (const part of partsOf(arg)) if (typeof part !== "string") sources.add(part.from);
  }
  return [...sources];
}

/** Line `line` of a call's stdout, as the shell's `read -r` gives it (without the newline). */
export function lineOf(stdout: Buffer, line: number): string {
  return stdout.toString("utf8").split("\n")[line] ?? "";
}

/** The argument as text, its output lines filled in from `stdoutOf`. */
export function fillIn<Output>(
  arg: ArgWithLines<Output>,
  stdoutOf: (from: Promise<Output>) => Buffer,
): string {
  return partsOf(arg)
    .map((part) => (typeof part === "string" ? part : lineOf(stdoutOf(part.from), part.line)))
    .join("");
}

/** The argument for messages, an output line shown as <line N>. */
export function describeArg<Output>(arg: ArgWithLines<Output>): string {
  return partsOf(arg)
    .map((part) => (typeof part === "string" ? part : `<line ${part.line}>`))
    .join("");
}

/** What a call gives: its output and exit code. */
interface CallOutput {
  stdout: Buffer;
  code: number;
}

/**
 * The arguments and input as text, once the calls whose lines they use have run; rejects with
 * skippedCall() if one of them failed or exited other than 0.
 */
export async function waitForLines<Output extends CallOutput>(
  args: readonly ArgWithLines<Output>[],
  input: ArgWithLines<Output> | undefined,
): Promise<{ args: string[]; input: string | undefined }> {
  const sources = sourcesOf(args, input);
  const outputs = new Map<Promise<Output>, Buffer>();
  for (const source of sources) {
    const output = await source.catch(() => null);
    if (output === null || output.code !== 0) throw skippedCall();
    outputs.set(source, output.stdout);
  }
  const stdoutOf = (from: Promise<Output>) => outputs.get(from)!;
  return {
    args: args.map((arg) => fillIn(arg, stdoutOf)),
    input: input === undefined ? undefined : fillIn(input, stdoutOf),
  };
}

/** Why a call that needed another's output did not run (its caller reports that call's failure). */
export function skippedCall(): Error {
  return cliError("git was not run: the git call whose output it needed failed");
}
