// The checkout's file list (`git ls-files`) and its go.mod files, so coverage paths written
// elsewhere (absolute CI paths, Java packages, Go import paths) map onto repository files. Null
// when the workspace is not a git checkout or git cannot say: the head is then read from the API.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { goModPaths, readGoModules } from "../shared/core/coverage/read-go-modules.js";
import type { RepositoryLayout } from "../shared/github/read-repository-layout.js";
import { MAX_GO_MODULES } from "../shared/github/read-repository-layout.js";

export async function readWorkspaceLayout(workspace: string): Promise<RepositoryLayout | null> {
  const repoFiles = await listWorkspaceFiles(workspace);
  if (repoFiles === null) return null;
  const texts = new Map<string, string>();
  for (const goMod of goModPaths(repoFiles).slice(0, MAX_GO_MODULES)) {
    const text = await readFile(path.join(workspace, goMod), "utf8").catch(() => null);
    if (text !== null) texts.set(goMod, text);
  }
  return { repoFiles, goModules: readGoModules(texts) };
}

function listWorkspaceFiles(workspace: string): Promise<string[] | null> {
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
          .filter((file) => file !== "");
        resolve(files.length > 0 ? files : null);
      },
    );
  });
}
