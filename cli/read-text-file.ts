// Reads a user-named file, turning failures into messages that name the file and the option.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cliError } from "./cli-error.js";

/** Reads `file` (relative to `cwd`) as UTF-8; `what` names it in errors, e.g. "--config". */
export async function readTextFile(file: string, cwd: string, what: string): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), "utf8");
  } catch (error) {
    throw cliError(`cannot read ${what} ${file}: ${describeFsError(error)}`);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
