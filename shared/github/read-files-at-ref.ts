// Reads several files at one commit. Over GraphQL it is one request for all of them (and, in the
// same query, the login the token acts as); a file GraphQL cannot give as trustworthy text, or
// every file when GraphQL fails, is read through the contents API instead. A missing file is null.
import { z } from "zod";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { readFileAtRef } from "./read-file-at-ref.js";

export interface FilesAtRefRequest extends RepoRef {
  /** A commit SHA (or any revision GraphQL's `object(expression:)` and the contents API accept). */
  ref: string;
  paths: readonly string[];
  /**
   * Ask GraphQL at this endpoint (GITHUB_GRAPHQL_URL; "" for the client's /graphql). Without it,
   * every file is read through the contents API.
   */
  graphqlUrl?: string;
  /** Also ask who the token acts as (GraphQL only). */
  viewer?: boolean;
}

export interface FilesAtRef {
  /** Per path, its text, or null when it does not exist at the ref (or is not a file). */
  files: Map<string, string | null>;
  /** The token's login, when asked for and GraphQL answered. */
  viewerLogin?: string;
}

const blobSchema = z.object({
  text: z.string().nullish(),
  isBinary: z.boolean().nullish(),
  isTruncated: z.boolean().optional(),
});
type BlobAnswer = z.infer<typeof blobSchema>;

/** GraphQL's answer; anything else (a proxy's page, truncated JSON) counts as GraphQL failing. */
const queryAnswerSchema = z.object({
  data: z
    .object({
      viewer: z.object({ login: z.unknown() }).nullish(),
      repository: z.record(z.string(), blobSchema.nullable()).nullish(),
    })
    .nullish(),
  errors: z.array(z.object({ path: z.array(z.unknown()).optional() })).optional(),
});
type QueryAnswer = z.infer<typeof queryAnswerSchema>;

export async function readFilesAtRef(
  client: GitHubClient,
  request: FilesAtRefRequest,
): Promise<FilesAtRef> {
  const paths = [...new Set(request.paths)];
  const answer = request.graphqlUrl === undefined ? null : await ask(client, request, paths);
  const fromGraphql = answer?.data?.repository ?? null;
  const failed = new Set((answer?.errors ?? []).map((error) => String(error.path?.[1] ?? "")));

  const files = new Map<string, string | null>();
  await Promise.all(
    paths.map(async (path, i) => {
      const alias = `f${i}`;
      const blob = fromGraphql?.[alias];
      let text: string | null | undefined;
      if (fromGraphql !== null && !failed.has(alias)) text = usable(blob);
      // undefined: GraphQL did not answer for this file; ask the contents API.
      const where = { owner: request.owner, repo: request.repo, ref: request.ref, path };
      files.set(path, text !== undefined ? text : await readFileAtRef(client, where));
    }),
  );
  const login = answer?.data?.viewer?.login;
  return typeof login === "string" ? { files, viewerLogin: login } : { files };
}

/** The query for `count` files (variables $f0..), with `viewer { login }` when asked. */
export function filesAtRefQuery(count: number, viewer: boolean): string {
  const variables = Array.from({ length: count }, (_, i) => `, $f${i}: String!`).join("");
  const objects = Array.from(
    { length: count },
    (_, i) => `f${i}: object(expression: $f${i}) { ... on Blob { text isBinary isTruncated } }`,
  );
  return [
    `query ShipgateFilesAtRef($owner: String!, $name: String!${variables}) {`,
    ...(viewer ? ["  viewer { login }"] : []),
    "  repository(owner: $owner, name: $name) {",
    ...objects.map((object) => `    ${object}`),
    "  }",
    "}",
  ].join("\n");
}

async function ask(
  client: GitHubClient,
  request: FilesAtRefRequest,
  paths: readonly string[],
): Promise<QueryAnswer | null> {
  const route = request.graphqlUrl ? `POST ${request.graphqlUrl}` : "POST /graphql";
  const variables: Record<string, string> = { owner: request.owner, name: request.repo };
  paths.forEach((path, i) => (variables[`f${i}`] = `${request.ref}:${path}`));
  try {
    const response = await client.request(route, {
      query: filesAtRefQuery(paths.length, request.viewer ?? false),
      variables,
    });
    const answer = queryAnswerSchema.safeParse(response.data);
    return answer.success ? answer.data : null;
  } catch {
    // GraphQL unavailable (blocked, a proxy, an outage): the contents API still answers.
    return null;
  }
}

/** A blob's text; null for no object or not a file; undefined when only REST can say. */
function usable(blob: BlobAnswer | null | undefined): string | null | undefined {
  if (blob === null) return null;
  if (blob === undefined) return undefined;
  // `... on Blob` selected nothing: a tree (a directory), which is not a file.
  if (!("text" in blob) && !("isTruncated" in blob)) return null;
  if (blob.isBinary || blob.isTruncated || typeof blob.text !== "string") return undefined;
  return blob.text;
}
