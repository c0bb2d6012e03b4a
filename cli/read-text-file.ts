// Reads a user-named file, turning failures into messages that name the file and the option.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describeFsError } from "../shared/node/describe-fs-error.js";
import { cliError } from "./cli-error.js";

/** Reads `file` (relative to `cwd`) as UTF-8; `what` names it in errors, e.g. "--config". */
export async function readTextFile(file: string, cwd: string, what: string): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), "utf8");
  } catch (error) {
    throw cliError(`cannot read ${what} ${file}: ${describeFsError(error)}`);
  }
}
