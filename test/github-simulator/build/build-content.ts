// Builds the contents API objects: a file (base64 content) or one entry of a directory listing.
import { createHash } from "node:crypto";
import type { RepoRecord } from "../types.js";
import type { BuildContext } from "./context.js";

export function buildContentEntry(
  repo: RepoRecord,
  ref: string,
  path: string,
  kind: "file" | "dir",
  text: string,
  ctx: BuildContext,
) {
  const full = `${repo.owner}/${repo.name}`;
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  const sha = gitBlobSha(kind === "file" ? text : path);
  const self = `${ctx.api}/repos/${full}/contents/${encoded}?ref=${encodeURIComponent(ref)}`;
  const git = `${ctx.api}/repos/${full}/git/${kind === "file" ? "blobs" : "trees"}/${sha}`;
  const html = `${ctx.html}/${full}/${kind === "file" ? "blob" : "tree"}/${ref}/${encoded}`;
  return {
    type: kind,
    name: path.split("/").pop() ?? path,
    path,
    sha,
    size: kind === "file" ? Buffer.byteLength(text) : 0,
    url: self,
    git_url: git,
    html_url: html,
    download_url:
      kind === "file" ? `https://raw.githubusercontent.com/${full}/${ref}/${encoded}` : null,
    _links: { self, git, html },
  };
}

export function buildContentFile(
  repo: RepoRecord,
  ref: string,
  path: string,
  text: string,
  ctx: BuildContext,
) {
  // GitHub wraps base64 content at 60 characters per line.
  const base64 = Buffer.from(text).toString("base64");
  const content = (base64.match(/.{1,60}/g) ?? [""]).join("\n") + "\n";
  return { ...buildContentEntry(repo, ref, path, "file", text, ctx), content, encoding: "base64" };
}

export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
