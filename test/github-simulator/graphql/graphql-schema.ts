// The slice of GitHub's GraphQL schema the simulator answers, with its resolvers over the
// simulator's state. A query that strays outside it is a violation: shipgate sends only these.
import type { Caller } from "../create-auth.js";
import type { SimState } from "../create-state.js";
import { gitBlobSha } from "../build/build-content.js";
import type { BuildContext } from "../build/context.js";

export interface ResolveContext {
  state: SimState;
  caller: Caller;
  build: BuildContext;
}

export interface FieldSpec {
  /** GraphQL type as written in the schema, e.g. "String!", "Repository", "GitObject". */
  type: string;
  /** Argument name -> type. */
  args?: Record<string, string>;
  /** Defaults to reading the field of the same name from the parent value. */
  resolve?(
    parent: Record<string, unknown>,
    args: Record<string, unknown>,
    ctx: ResolveContext,
  ): unknown;
}

export interface TypeSpec {
  fields: Record<string, FieldSpec>;
  /** For an interface: the object types that implement it. */
  implementations?: string[];
}

/** Thrown by a resolver: the field becomes null and the error is reported (e.g. NOT_FOUND). */
export class FieldError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export const SCALARS = new Set(["String", "Int", "Boolean", "ID", "GitObjectID"]);

/**
 * GitHub truncates the `text` of large blobs (isTruncated); its exact limit is not documented, so
 * the simulator truncates past this size.
 */
export const BLOB_TEXT_LIMIT = 512 * 1024;

export const SCHEMA: Record<string, TypeSpec> = {
  Query: {
    fields: {
      viewer: {
        type: "User!",
        resolve: (_parent, _args, ctx) => ({
          __typename: "User",
          login: ctx.caller.identity.login,
        }),
      },
      repository: {
        type: "Repository",
        args: { owner: "String!", name: "String!" },
        resolve(_parent, args, ctx) {
          const repo = ctx.state.repo(String(args.owner), String(args.name));
          if (!repo) {
            throw new FieldError(
              "NOT_FOUND",
              `Could not resolve to a Repository with the name '${String(args.owner)}/${String(args.name)}'.`,
            );
          }
          return { __typename: "Repository", nameWithOwner: `${repo.owner}/${repo.name}`, repo };
        },
      },
    },
  },
  User: { fields: { login: { type: "String!" } } },
  Repository: {
    fields: {
      nameWithOwner: { type: "String!" },
      object: {
        type: "GitObject",
        args: { expression: "String!" },
        resolve: (parent, args) => gitObject(parent.repo as RepoFiles, String(args.expression)),
      },
    },
  },
  GitObject: { fields: { oid: { type: "GitObjectID!" } }, implementations: ["Blob", "Tree"] },
  Blob: {
    fields: {
      oid: { type: "GitObjectID!" },
      text: { type: "String" },
      isBinary: { type: "Boolean" },
      isTruncated: { type: "Boolean!" },
      byteSize: { type: "Int!" },
    },
  },
  Tree: { fields: { oid: { type: "GitObjectID!" } } },
};

interface RepoFiles {
  files: Map<string, Map<string, string>>;
}

/** `<ref>:<path>` names a blob or a tree at a ref; anything else (a bare commit) is null here. */
function gitObject(repo: RepoFiles, expression: string): Record<string, unknown> | null {
  const colon = expression.indexOf(":");
  if (colon < 0) return null;
  const tree = repo.files.get(expression.slice(0, colon));
  const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, "");
  const text = tree?.get(path);
  if (text !== undefined) {
    const bytes = Buffer.from(text);
    const binary = text.includes("\0");
    const truncated = !binary && bytes.length > BLOB_TEXT_LIMIT;
    return {
      __typename: "Blob",
      oid: gitBlobSha(text),
      byteSize: bytes.length,
      isBinary: binary,
      isTruncated: truncated,
      text: binary ? null : truncated ? bytes.subarray(0, BLOB_TEXT_LIMIT).toString() : text,
    };
  }
  const prefix = path === "" ? "" : `${path}/`;
  if (tree && [...tree.keys()].some((file) => file.startsWith(prefix))) {
    return { __typename: "Tree", oid: gitBlobSha(`tree ${path}`) };
  }
  return null;
}
