// The working tree's top directory for init and validate, which also work outside git.
import { runGit } from "./run-git.js";

/** `git rev-parse --show-toplevel` from `dir`, or `dir` itself when it is not in a repository. */
export async function findRepoRoot(
  dir: string,
  env: Record<string, string | undefined>,
): Promise<string> {
  try {
    const result = await runGit(["rev-parse", "--show-toplevel"], {
      cwd: dir,
      env,
      okCodes: [128],
    });
    const top = result.stdout.toString("utf8").replace(/\r?\n$/, "");
    return result.code === 0 && top !== "" ? top : dir;
  } catch {
    // git missing or the directory unreadable: treat the directory as the root.
    return dir;
  }
}
