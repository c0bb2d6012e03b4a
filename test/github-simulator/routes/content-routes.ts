// The contents API at a ref (branch name or sha): a file as base64, or a directory listing.
import { buildContentEntry, buildContentFile } from "../build/build-content.js";
import { notFound, ok, repoOf, type Route } from "../route-kit.js";

export const contentRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/contents/{path}",
    handle(ctx) {
      const repo = repoOf(ctx);
      const ref = ctx.query.get("ref") || repo.defaultBranch;
      const path = (ctx.params.path ?? "").replace(/^\/+|\/+$/g, "");
      const tree = repo.files.get(ref);
      const text = tree?.get(path);
      if (tree === undefined) return notFound();
      if (text !== undefined) {
        if (/application\/vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? ""))) {
          return {
            status: 200,
            raw: { data: text, contentType: "application/vnd.github.raw; charset=utf-8" },
          };
        }
        return ok(buildContentFile(repo, ref, path, text, ctx.build));
      }
      // Directory: the immediate children of `path`.
      const prefix = path === "" ? "" : `${path}/`;
      const children = new Map<string, "file" | "dir">();
      for (const file of tree.keys()) {
        if (!file.startsWith(prefix)) continue;
        const [head, ...rest] = file.slice(prefix.length).split("/");
        if (head) children.set(head, rest.length > 0 ? "dir" : "file");
      }
      if (children.size === 0) return notFound();
      const entries = [...children].sort(([a], [b]) => a.localeCompare(b));
      return ok(
        entries.map(([name, kind]) =>
          buildContentEntry(
            repo,
            ref,
            `${prefix}${name}`,
            kind,
            tree.get(`${prefix}${name}`) ?? "",
            ctx.build,
          ),
        ),
      );
    },
  },
];
