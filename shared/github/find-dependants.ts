// Finds the open pull requests that depend on an item that just moved (a pull request merged or
// closed, an issue closed or reopened), without scanning every pull request: one search query for
// the open pull requests whose description mentions `#N`, each then kept only if the same
// reference parser the rule uses finds the item after one of the keywords; and, for a pull
// request that closed, one list read for those stacked on its head branch.
// Not found this way: dependants in other repositories, and ones naming the item only by URL
// (they are re-evaluated on their next event, or with `/shipgate recheck`).
import { z } from "zod";
import { findDependencies } from "../core/rules/dependencies/find-dependencies.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { parseAnswer } from "./parse-answer.js";

const SEARCH_ROUTE = "GET /search/issues";
const LIST_ROUTE = "GET /repos/{owner}/{repo}/pulls";
const searchSchema = z.object({
  items: z.array(
    z.object({
      number: z.number().int().positive(),
      body: z.string().nullish(),
      pull_request: z.object({}).passthrough().nullish(),
    }),
  ),
});
const listSchema = z.array(z.object({ number: z.number().int().positive() }));

export interface MovedItem extends RepoRef {
  number: number;
  /** For a pull request that closed: its head branch, which pull requests may be stacked on. */
  headRef?: string;
}

/** Pull request numbers in `moved`'s repository, ascending; `keywords` as configured there. */
export async function findDependants(
  client: GitHubClient,
  moved: MovedItem,
  keywords: readonly string[],
): Promise<number[]> {
  const repository = `${moved.owner}/${moved.repo}`;
  const self = `${repository}#${moved.number}`.toLowerCase();
  const [mentioning, stacked] = await Promise.all([
    searchMentions(client, moved),
    moved.headRef === undefined ? [] : listStacked(client, moved, moved.headRef),
  ]);
  const naming = mentioning
    .filter((item) =>
      findDependencies(item.body ?? "", keywords, repository).github.some(
        (ref) => ref.toLowerCase() === self,
      ),
    )
    .map((item) => item.number);
  return [...new Set([...naming, ...stacked])]
    .filter((number) => number !== moved.number)
    .sort((a, b) => a - b);
}

async function searchMentions(client: GitHubClient, moved: MovedItem) {
  const response = await client.request(SEARCH_ROUTE, {
    q: `repo:${moved.owner}/${moved.repo} is:pr is:open in:body "#${moved.number}"`,
    per_page: 100,
  });
  const found = parseAnswer(response, SEARCH_ROUTE, searchSchema, "search results");
  return found.items.filter((item) => item.pull_request != null);
}

async function listStacked(client: GitHubClient, moved: MovedItem, branch: string) {
  const response = await client.request(LIST_ROUTE, {
    owner: moved.owner,
    repo: moved.repo,
    state: "open",
    base: branch,
    per_page: 100,
  });
  return parseAnswer(response, LIST_ROUTE, listSchema, "a list of pull requests").map(
    (p) => p.number,
  );
}
