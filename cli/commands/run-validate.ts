// `shipgate validate [FILE]`: checks a config file on disk and prints each problem with its
// position, in the format editors and CI logs link to.
import path from "node:path";
import { formatConfigError } from "../../shared/core/config/config-error.js";
import { parseConfig } from "../../shared/core/config/parse-config.js";
import type { ValidateCommand } from "../args.js";
import type { CliIo } from "../cli-io.js";
import { CONFIG_PATH } from "../git/read-base-files.js";
import { findRepoRoot } from "../git/find-repo-root.js";
import { readTextFile } from "../read-text-file.js";

export async function runValidate(command: ValidateCommand, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, command.repo ?? ".");
  // FILE is relative to the current directory; the default lives at the repository root.
  const file =
    command.file ?? path.relative(io.cwd, path.join(await findRepoRoot(dir, io.env), CONFIG_PATH));
  const text = await readTextFile(file, io.cwd, "config file");
  const result = parseConfig(text, file);
  if (!result.ok) {
    for (const error of result.errors) io.stderr(`${formatConfigError(error)}\n`);
    return 2;
  }
  for (const warning of result.warnings) io.stderr(`${file}: warning: ${warning}\n`);
  io.stdout(`${file}: valid\n`);
  return 0;
}
