// The GitHub App's own slug (its bot is `<slug>[bot]`), read with the App's JWT-authenticated client.
import type { GitHubClient } from "./github-client.js";

export async function readAppSlug(client: GitHubClient): Promise<string> {
  const response = await client.request("GET /app");
  const slug = (response.data as { slug?: unknown } | null)?.slug;
  if (typeof slug !== "string") throw new Error("GET /app returned no slug");
  return slug;
}
