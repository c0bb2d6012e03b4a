// The git trees API at a ref (branch name or sha): with `recursive`, every file and folder of
// the commit, as the App reads the head's file list to map coverage paths.
import { createHash } from "node:crypto";
import { gitBlobSha } from "../build/build-content.js";
import { notFound, ok, repoOf, type Route } from "../route-kit.js";

export const treeRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/git/trees/{tree_sha}",
    handle(ctx) {
      const repo = repoOf(ctx);
      const ref = ctx.params.tree_sha ?? "";
      const files = repo.files.get(ref);
      if (files === undefined) return notFound();
      const recursive = ctx.query.has("recursive");
      const base = `${ctx.build.api}/repos/${repo.owner}/${repo.name}/git`;
      const entries = new Map<string, { type: "blob" | "tree"; text: string }>();
      for (const [path, text] of files) {
        const segments = path.split("/");
        if (!recursive && segments.length > 1) {
          entries.set(segments[0] ?? path, { type: "tree", text: "" });
          continue;
        }
        for (let end = 1; end < segments.length; end += 1) {
          entries.set(segments.slice(0, end).join("/"), { type: "tree", text: "" });
        }
        entries.set(path, { type: "blob", text });
      }
      const tree = [...entries]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([path, entry]) => {
          const sha = entry.type === "blob" ? gitBlobSha(entry.text) : treeSha(path);
          return entry.type === "blob"
            ? {
                path,
                mode: "100644",
                type: "blob",
                sha,
                size: Buffer.byteLength(entry.text),
                url: `${base}/blobs/${sha}`,
              }
            : { path, mode: "040000", type: "tree", sha, url: `${base}/trees/${sha}` };
        });
      const sha = treeSha(`${ref}:`);
      return ok({ sha, url: `${base}/trees/${sha}`, tree, truncated: false });
    },
  },
];

function treeSha(seed: string): string {
  return createHash("sha1").update(`tree ${seed}`).digest("hex");
}
