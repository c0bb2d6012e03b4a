// Reads one file's text at a commit through the contents API; a missing file is null, so the
// caller decides what absence means (defaults, no template, no attributes).
import { statusOf, type GitHubClient, type RepoRef } from "./github-client.js";
import { ApiAnswerError, contentTypeOf } from "./parse-answer.js";

const ROUTE = "GET /repos/{owner}/{repo}/contents/{path}";

export async function readFileAtRef(
  client: GitHubClient,
  where: RepoRef & { ref: string; path: string },
): Promise<string | null> {
  try {
    const response = await client.request(ROUTE, {
      owner: where.owner,
      repo: where.repo,
      path: where.path,
      ref: where.ref,
      // The raw media type returns the text itself, also for files over the JSON API's 1 MB.
      headers: { accept: "application/vnd.github.raw+json" },
    });
    // GitHub sends raw content as application/vnd.github.raw, whatever the file holds; an HTML
    // page is a proxy's or a login page, which must not be read as the file (e.g. the config).
    const type = contentTypeOf(response);
    if (type === "text/html") {
      throw new ApiAnswerError(
        `GitHub's answer to ${ROUTE} (${where.path}) is an HTML page, not the file's content`,
      );
    }
    // JSON comes only for what is not a file (a directory listing); here it did not parse.
    if (type === "application/json" && typeof response.data === "string") {
      throw new ApiAnswerError(
        `GitHub's answer to ${ROUTE} (${where.path}) is neither the file's content nor valid JSON`,
      );
    }
    return decode(response.data);
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

function decode(data: unknown): string | null {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  // A directory listing (an array) is not a file.
  const file = data as { type?: string; content?: string; encoding?: string } | null;
  if (file?.type === "file" && file.encoding === "base64" && typeof file.content === "string") {
    return Buffer.from(file.content, "base64").toString("utf8");
  }
  return null;
}
