// How a pull request is flowing, for the focus rule: when it was opened (it comes with the pull
// request, no read), its first review (one read: the first page of reviews) and how many open,
// non-draft pull requests its author has in the repository (one search query). A read that
// fails leaves its figure unknown (null: "not verified"), never zero.
import { z } from "zod";
import type { FlowFacts } from "../core/types.js";
import type { ApiPullRequest } from "./api-pull-request.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { parseAnswer } from "./parse-answer.js";

const REVIEWS_ROUTE = "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews";
const SEARCH_ROUTE = "GET /search/issues";
const PER_PAGE = 100;

const reviewsSchema = z.array(
  z.object({
    state: z.string(),
    submitted_at: z.string().nullish(),
    user: z.object({ login: z.string(), type: z.string().optional() }).nullish(),
  }),
);
const searchSchema = z.object({
  total_count: z.number().int().nonnegative(),
  incomplete_results: z.boolean(),
});

export async function gatherFlow(
  client: GitHubClient,
  pr: PullRequestRef,
  pullRequest: ApiPullRequest,
  now: Date,
): Promise<FlowFacts> {
  const author = pullRequest.user?.login ?? null;
  const [firstReview, authorOpenPullRequests] = await Promise.all([
    readFirstReview(client, pr, author).catch(() => null),
    author === null ? null : countOpenPullRequests(client, pr, author).catch(() => null),
  ]);
  return {
    at: now.toISOString(),
    authorOpenPullRequests,
    createdAt: pullRequest.created_at ?? null,
    firstReview,
  };
}

/**
 * The first review someone other than the author gave (bots, shipgate's own line comments
 * included, do not count). GitHub lists reviews oldest first, so the first page has it, unless
 * a full page holds none that count: then it is unknown.
 */
async function readFirstReview(
  client: GitHubClient,
  pr: PullRequestRef,
  author: string | null,
): Promise<FlowFacts["firstReview"]> {
  const response = await client.request(REVIEWS_ROUTE, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: PER_PAGE,
  });
  const reviews = parseAnswer(response, REVIEWS_ROUTE, reviewsSchema, "a list of reviews");
  const counted = reviews.filter(
    (r) =>
      r.state !== "PENDING" &&
      r.submitted_at != null &&
      r.user != null &&
      r.user.type !== "Bot" &&
      r.user.login.toLowerCase() !== author?.toLowerCase(),
  );
  const first = counted.map((r) => r.submitted_at as string).sort()[0];
  if (first !== undefined) return { at: first };
  return reviews.length < PER_PAGE ? { at: null } : null;
}

/** The author's open, non-draft pull requests in the repository (this one included if it is one). */
async function countOpenPullRequests(
  client: GitHubClient,
  pr: PullRequestRef,
  login: string,
): Promise<number | null> {
  // Search names an app's bot account `app/<slug>`, not `<slug>[bot]`.
  const bot = /^(.+)\[bot\]$/.exec(login);
  const author = bot === null ? login : `app/${bot[1]}`;
  const response = await client.request(SEARCH_ROUTE, {
    q: `is:pr is:open draft:false author:${author} repo:${pr.owner}/${pr.repo}`,
    per_page: 1,
  });
  const found = parseAnswer(response, SEARCH_ROUTE, searchSchema, "search results");
  // An incomplete search (it timed out on GitHub's side) may have counted too few.
  return found.incomplete_results ? null : found.total_count;
}
