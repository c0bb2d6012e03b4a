// Builds GitHub's diff-entry object: one file of a pull request's "list files" answer.
import type { PrFile, RepoRecord } from "../types.js";
import type { BuildContext } from "./context.js";

export function buildDiffEntry(repo: RepoRecord, headSha: string, file: PrFile, ctx: BuildContext) {
  const path = file.filename.split("/").map(encodeURIComponent).join("/");
  const full = `${repo.owner}/${repo.name}`;
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${ctx.html}/${full}/blob/${headSha}/${path}`,
    raw_url: `${ctx.html}/${full}/raw/${headSha}/${path}`,
    contents_url: `${ctx.api}/repos/${full}/contents/${path}?ref=${headSha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
    ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
  };
}
