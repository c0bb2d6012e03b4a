// How a pull request is flowing, for the focus rule: when it was opened (it comes with the pull
// request, no read), its first review (one read: the first page of reviews) and how many open,
// non-draft pull requests its author has in the repository (one list read of the open ones). A read that
// fails leaves its figure unknown (null), never zero, and named in `unread`: the rule fails it.
import { z } from "zod";
import type { FlowFacts, FlowFigure } from "../core/facts.js";
import type { ApiPullRequest } from "./api-pull-request.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { parseAnswer } from "./parse-answer.js";

const REVIEWS_ROUTE = "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews";
const LIST_ROUTE = "GET /repos/{owner}/{repo}/pulls";
const PER_PAGE = 100;
/** The open pull requests read to count an author's, at most: past them the count is unknown. */
const MAX_LIST_PAGES = 3;

const reviewsSchema = z.array(
  z.object({
    state: z.string(),
    submitted_at: z.string().nullish(),
    user: z.object({ login: z.string(), type: z.string().optional() }).nullish(),
  }),
);
const pullListSchema = z.array(
  z.object({
    draft: z.boolean().optional(),
    user: z.object({ login: z.string() }).nullish(),
  }),
);

export async function gatherFlow(
  client: GitHubClient,
  pr: PullRequestRef,
  pullRequest: ApiPullRequest,
  now: Date,
): Promise<FlowFacts> {
  const author = pullRequest.user?.login ?? null;
  const unread: FlowFigure[] = [];
  const orUnread = <T>(figure: FlowFigure, read: Promise<T>): Promise<T | null> =>
    read.catch(() => {
      unread.push(figure);
      return null;
    });
  const [firstReview, authorOpenPullRequests] = await Promise.all([
    orUnread("firstReview", readFirstReview(client, pr, author)),
    author === null
      ? null
      : orUnread("authorOpenPullRequests", countOpenPullRequests(client, pr, author)),
  ]);
  return {
    at: now.toISOString(),
    authorOpenPullRequests,
    createdAt: pullRequest.created_at ?? null,
    firstReview,
    ...(unread.length > 0 ? { unread: unread.sort() } : {}),
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

/**
 * The author's open, non-draft pull requests in the repository (this one included if it is one),
 * from the list of open pull requests: one read up to 100 of them, at most three up to 300; with
 * more, the count is unknown. Not the search API: its limit (30 queries a minute) would be spent
 * by a busy repository's evaluations, and a rate-limited read waits.
 */
async function countOpenPullRequests(
  client: GitHubClient,
  pr: PullRequestRef,
  login: string,
): Promise<number | null> {
  const author = login.toLowerCase();
  let count = 0;
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const response = await client.request(LIST_ROUTE, {
      owner: pr.owner,
      repo: pr.repo,
      state: "open",
      per_page: PER_PAGE,
      page,
    });
    const pulls = parseAnswer(response, LIST_ROUTE, pullListSchema, "a list of pull requests");
    count += pulls.filter((p) => p.draft !== true && p.user?.login.toLowerCase() === author).length;
    if (pulls.length < PER_PAGE) return count;
  }
  return null;
}
