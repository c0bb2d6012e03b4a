// Reads every page of a GitHub list endpoint, 100 items at a time, following the Link header,
// with a page cap so a runaway list cannot stall a run. Each page is checked against `item`.
import { z } from "zod";
import type { GitHubClient } from "./github-client.js";
import { parseAnswer } from "./parse-answer.js";

const PER_PAGE = 100;
const DEFAULT_MAX_PAGES = 50;

export async function listAllPages<T>(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
  item: z.ZodType<T>,
  maxPages = DEFAULT_MAX_PAGES,
): Promise<T[]> {
  const page = z.array(item).max(PER_PAGE);
  const items: T[] = [];
  for (let n = 1; n <= maxPages; n++) {
    const response = await client.request(route, { ...params, per_page: PER_PAGE, page: n });
    const data = parseAnswer(response, route, page, `a page of a list`);
    items.push(...data);
    const link = String(response.headers.link ?? "");
    if (!/rel="next"/.test(link) || data.length === 0) break;
  }
  return items;
}
