// Types and helpers shared by the route handlers: results, GitHub-shaped errors, lookups.
import type { IncomingHttpHeaders } from "node:http";
import type { AuthRegistry, Caller } from "./create-auth.js";
import type { SimState } from "./create-state.js";
import type { BuildContext } from "./build/context.js";
import type { Identity, IssueRecord, PullRecord, RepoRecord } from "./types.js";

export const DOCS_URL = "https://docs.github.com/rest";

export interface RouteResult {
  status: number;
  /** JSON body; validated against the description's response schema. */
  body?: unknown;
  /** Non-JSON body (raw file content, artifact bytes); never validated. */
  raw?: { data: Buffer | string; contentType: string };
  headers?: Record<string, string>;
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The full request URL, for pagination links. */
  url: URL;
  identity: Identity;
  caller: Caller;
  state: SimState;
  auth: AuthRegistry;
  build: BuildContext;
}

export interface Route {
  method: string;
  /** Path template exactly as in GitHub's OpenAPI description (or /_simulator/... for internals). */
  template: string;
  handle(ctx: RouteContext): RouteResult;
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): RouteResult => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

export function errorResult(status: number, message: string, errors?: unknown[]): RouteResult {
  const body = {
    message,
    documentation_url: DOCS_URL,
    status: String(status),
    ...(errors ? { errors } : {}),
  };
  return { status, body };
}

export const notFound = () => errorResult(404, "Not Found");
export const unprocessable = (message: string, errors?: unknown[]) =>
  errorResult(422, message, errors);

/** Thrown by lookups; the dispatcher turns it into the carried result. */
export class RouteError extends Error {
  constructor(readonly result: RouteResult) {
    super(String((result.body as { message?: string } | undefined)?.message ?? result.status));
  }
}

export function repoOf(ctx: RouteContext): RepoRecord {
  const { owner = "", repo = "" } = ctx.params;
  const record = ctx.state.repo(owner, repo);
  if (!record) throw new RouteError(notFound());
  return record;
}

export function issueOf(
  ctx: RouteContext,
  param = "issue_number",
): { repo: RepoRecord; issue: IssueRecord } {
  const repo = repoOf(ctx);
  const issue = repo.issues.get(intParam(ctx, param));
  if (!issue) throw new RouteError(notFound());
  return { repo, issue };
}

export function pullOf(ctx: RouteContext): {
  repo: RepoRecord;
  issue: IssueRecord & { pull: PullRecord };
} {
  const { repo, issue } = issueOf(ctx, "pull_number");
  if (!issue.pull) throw new RouteError(notFound());
  return { repo, issue: issue as IssueRecord & { pull: PullRecord } };
}

export function intParam(ctx: RouteContext, name: string): number {
  const value = Number(ctx.params[name]);
  if (!Number.isInteger(value) || value < 1) throw new RouteError(notFound());
  return value;
}

/** The request body as an object (the OpenAPI check already rejected other shapes). */
export function bodyOf(ctx: RouteContext): Record<string, unknown> {
  const body = ctx.body;
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

export function sameRepo(a: { owner: string; repo: string }, repo: RepoRecord): boolean {
  return `${a.owner}/${a.repo}`.toLowerCase() === `${repo.owner}/${repo.name}`.toLowerCase();
}
