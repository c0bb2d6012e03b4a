// The checkout's file list (`git ls-files`), so coverage paths written elsewhere (absolute CI
// paths, another machine's checkout) map onto repository files by suffix. Null when the
// workspace is not a git checkout or git cannot say: the gate then uses report paths as written.
import { execFile } from "node:child_process";

export function listWorkspaceFiles(workspace: string): Promise<string[] | null> {
  // fsmonitor off: listing names must never run a hook from the checkout's git config.
  const args = ["-c", "core.fsmonitor=false", "ls-files", "-z"];
  return new Promise((resolve) => {
    execFile(
      "git",
      args,
      { cwd: workspace, encoding: "buffer", maxBuffer: 1024 * 1024 * 1024, windowsHide: true },
      (error, stdout) => {
        if (error) return resolve(null);
        const files = stdout
          .toString("utf8")
          .split("\0")
          .filter((path) => path !== "");
        resolve(files.length > 0 ? files : null);
      },
    );
  });
}
