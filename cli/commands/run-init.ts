// `shipgate init`: writes a commented config and a pull request template at the repository root,
// refusing to overwrite either without --force.
import { access, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { InitCommand } from "../args.js";
import { cliError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { CONFIG_PATH, TEMPLATE_PATH } from "../git/read-base-files.js";
import { findRepoRoot } from "../git/find-repo-root.js";
import { renderConfigTemplate } from "../init/render-config-template.js";
import { renderPullRequestTemplate } from "../init/render-pull-request-template.js";
import { describeFsError } from "../../shared/node/describe-fs-error.js";

export async function runInit(command: InitCommand, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, command.repo ?? ".");
  if (
    !(await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw cliError(`no such directory: ${dir}`);
  }
  const root = await findRepoRoot(dir, io.env);
  const files = [
    { path: CONFIG_PATH, text: renderConfigTemplate() },
    { path: TEMPLATE_PATH, text: renderPullRequestTemplate() },
  ];
  if (!command.force) {
    const existing = await Promise.all(files.map((file) => exists(path.join(root, file.path))));
    const clash = files.filter((_, i) => existing[i]).map((file) => file.path);
    if (clash.length > 0) {
      throw cliError(
        `${clash.join(" and ")} already exist${clash.length === 1 ? "s" : ""}; pass --force to overwrite`,
      );
    }
  }
  for (const file of files) {
    const target = path.join(root, file.path);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text);
    } catch (error) {
      throw cliError(`cannot write ${file.path}: ${describeFsError(error)}`);
    }
    io.stdout(`wrote ${file.path}\n`);
  }
  io.stdout("Edit them to suit your team, commit, and run 'shipgate check' on a branch.\n");
  return 0;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
