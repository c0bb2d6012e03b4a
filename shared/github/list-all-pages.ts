// Reads every page of a GitHub list endpoint, 100 items at a time, following the Link header,
// with a page cap so a runaway list cannot stall a run.
import type { GitHubClient } from "./github-client.js";

const PER_PAGE = 100;
const DEFAULT_MAX_PAGES = 50;

export async function listAllPages<T>(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
  maxPages = DEFAULT_MAX_PAGES,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const response = await client.request(route, { ...params, per_page: PER_PAGE, page });
    const data = response.data as T[];
    items.push(...data);
    const link = String(response.headers.link ?? "");
    if (!/rel="next"/.test(link) || data.length === 0) break;
  }
  return items;
}
