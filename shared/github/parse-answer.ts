// Checks an API answer against the shape its caller reads, at the boundary: a proxy's HTML page,
// truncated JSON or a field of the wrong type becomes one ApiAnswerError that names the request
// and what was wrong, never a TypeError deep inside the gate or a value read as empty.
import { z } from "zod";
import type { GitHubResponse } from "./github-client.js";

/** A 2xx answer that is not what the route returns. Has no HTTP status: it is not retried. */
export class ApiAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApiAnswerError";
  }
}

/** A commit SHA as GitHub writes it: SHA-1, or SHA-256 in repositories that use it. */
export const commitShaSchema = z
  .string()
  .regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, "expected a commit SHA (40 hex digits)");

/**
 * `what` says what the answer should be ("the pull request", "a page of changed files"); the
 * route is the template (`GET /repos/{owner}/{repo}/pulls/{pull_number}`), which holds no data.
 */
export function parseAnswer<T>(
  response: GitHubResponse,
  route: string,
  schema: z.ZodType<T>,
  what: string,
): T {
  const parsed = schema.safeParse(response.data);
  if (parsed.success) return parsed.data;
  throw new ApiAnswerError(
    `GitHub's answer to ${route} is not ${what}: ${problem(response, parsed.error)}`,
  );
}

/** The `content-type` of an answer, lower-cased, without parameters. */
export function contentTypeOf(response: GitHubResponse): string {
  return String(response.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
}

function problem(response: GitHubResponse, error: z.ZodError): string {
  const data = response.data;
  // Octokit hands over the text when the body is not JSON (or not valid JSON).
  if (typeof data === "string" || data === undefined || data instanceof ArrayBuffer) {
    const type = contentTypeOf(response) || "no content type";
    return `HTTP ${response.status} with a body that is not JSON (${type})`;
  }
  const issue = error.issues[0];
  const message = issue?.message ?? "unexpected shape";
  const path = issue?.path.map(String).join(".") ?? "";
  return path === "" ? message : `${path}: ${message}`;
}
