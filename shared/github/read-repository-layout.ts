// Reads the head commit's file list (one recursive tree read) and its go.mod files, so the App
// maps coverage paths exactly as the Action and the CLI do from their checkouts.
import { z } from "zod";
import { goModPaths, readGoModules } from "../core/coverage/read-go-modules.js";
import type { GoModule } from "../core/types.js";
import { statusOf, type GitHubClient, type RepoRef } from "./github-client.js";
import { readFilesAtRef } from "./read-files-at-ref.js";

export interface RepositoryLayout {
  /** Every file path at the commit; null when it could not be listed whole. */
  repoFiles: string[] | null;
  goModules: GoModule[] | null;
}

/** More go.mod files than this are not read (each is a request without GraphQL). */
export const MAX_GO_MODULES = 100;

const treeSchema = z.object({
  truncated: z.boolean(),
  tree: z.array(z.object({ path: z.string(), type: z.string() })),
});

export async function readRepositoryLayout(
  client: GitHubClient,
  at: RepoRef & { sha: string; graphqlUrl?: string },
): Promise<RepositoryLayout> {
  const response = await client
    .request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      owner: at.owner,
      repo: at.repo,
      tree_sha: at.sha,
      recursive: "1",
    })
    .catch((error: unknown) => {
      // No such commit (a force-push since the event) or an empty repository: unknown, and
      // report paths are then taken as written. Anything else is an error worth seeing.
      const status = statusOf(error);
      if (status === 404 || status === 409) return null;
      throw error;
    });
  if (response === null) return { repoFiles: null, goModules: null };
  const parsed = treeSchema.safeParse(response.data);
  // A truncated listing (over 100,000 entries) would make suffix matches look unique when not.
  if (!parsed.success || parsed.data.truncated) return { repoFiles: null, goModules: null };
  const repoFiles = parsed.data.tree.filter((entry) => entry.type === "blob").map((e) => e.path);
  const paths = goModPaths(repoFiles).slice(0, MAX_GO_MODULES);
  if (paths.length === 0) return { repoFiles, goModules: [] };
  const read = await readFilesAtRef(client, {
    owner: at.owner,
    repo: at.repo,
    ref: at.sha,
    paths,
    ...(at.graphqlUrl === undefined ? {} : { graphqlUrl: at.graphqlUrl }),
  });
  const texts = new Map<string, string>();
  for (const [path, text] of read.files) if (text !== null) texts.set(path, text);
  return { repoFiles, goModules: readGoModules(texts) };
}
