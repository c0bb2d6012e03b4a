// Reads what only GitHub knows about each merged pull request: when it was opened, its first
// review, shipgate's verdict per rule on its head (check run, else the sticky comment) and the
// overrides kept in that comment. Four requests per pull request, plus one per further page of
// 100 reviews or comments; each resource is read once per run, newest pull request first (when
// the budget runs out, the latest weeks are the ones that have figures).
import { z } from "zod";
import { readCommentOverrides } from "../../../shared/core/report/read-comment-overrides.js";
import { readRuleTable } from "../../../shared/core/report/read-rule-table.js";
import type { GitHubFacts } from "../../../shared/core/report/report-types.js";
import { COMMENT_MARKER } from "../../../shared/core/render/render-comment.js";
import { CHECK_NAME } from "../../../shared/github/check-name.js";
import { statusOf } from "../../../shared/github/github-client.js";
import { listAllPages } from "../../../shared/github/list-all-pages.js";
import { RequestBudgetError, type ReportClient } from "./create-report-client.js";

/** Requests for one pull request when its reviews and comments fit on one page each. */
export const REQUESTS_PER_PULL_REQUEST = 4;

const pull = z.object({
  created_at: z.string(),
  user: z.object({ login: z.string() }).nullable(),
  head: z.object({ sha: z.string() }),
});
const review = z.object({
  state: z.string(),
  submitted_at: z.string().nullish(),
  user: z.object({ login: z.string() }).nullable(),
});
const comment = z.object({
  body: z.string().nullish(),
  user: z.object({ login: z.string(), type: z.string() }).nullable(),
});
const checkRuns = z.object({
  check_runs: z.array(
    z.object({ output: z.object({ summary: z.string().nullish() }).partial().nullish() }),
  ),
});

export interface GatheredFacts {
  facts: Map<number, GitHubFacts>;
  notes: string[];
}

export async function gatherGitHubFacts(
  client: ReportClient,
  repository: string,
  numbers: readonly number[],
): Promise<GatheredFacts> {
  const [owner = "", repo = ""] = repository.split("/");
  const facts = new Map<number, GitHubFacts>();
  const missing: number[] = [];
  let unread = 0;
  for (const number of numbers) {
    try {
      const found = await factsOf(client, owner, repo, number);
      if (found === null) missing.push(number);
      else facts.set(number, found);
    } catch (error) {
      if (!(error instanceof RequestBudgetError)) throw error;
      unread = numbers.length - facts.size - missing.length;
      break;
    }
  }
  const notes: string[] = [];
  if (missing.length > 0) {
    notes.push(
      `GitHub has no pull request ${missing.map((n) => `#${n}`).join(", ")} in ${repository}: ${missing.length === 1 ? "it has" : "they have"} no GitHub figures.`,
    );
  }
  if (unread > 0) {
    notes.push(
      `The request budget ran out: ${unread} pull request${unread === 1 ? " has" : "s have"} no GitHub figures (raise --max-requests).`,
    );
  }
  return { facts, notes };
}

async function factsOf(
  client: ReportClient,
  owner: string,
  repo: string,
  number: number,
): Promise<GitHubFacts | null> {
  const base = { owner, repo };
  let answer;
  try {
    answer = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...base,
      pull_number: number,
    });
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
  const data = pull.parse(answer.data);
  const author = data.user?.login ?? "";
  // The three reads do not depend on each other: one round trip instead of three.
  const [reviews, comments, runs] = await settleAll([
    listAllPages(
      client,
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
      { ...base, pull_number: number },
      review,
    ),
    listAllPages(
      client,
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      { ...base, issue_number: number },
      comment,
    ),
    client
      .request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
        ...base,
        ref: data.head.sha,
        check_name: CHECK_NAME,
        filter: "latest",
      })
      .then((answer) => checkRuns.parse(answer.data)),
  ] as const);
  const firstReviewAt =
    reviews
      .filter((r) => r.state !== "PENDING" && r.submitted_at && r.user?.login !== author)
      .map((r) => r.submitted_at as string)
      .sort()[0] ?? null;
  // The sticky comment is the bot's own: anyone else's comment could carry the marker.
  const sticky = comments
    .filter((c) => c.user?.type === "Bot" && (c.body ?? "").startsWith(COMMENT_MARKER))
    .pop();
  const fromRun = readRuleTable(runs.check_runs[0]?.output?.summary ?? "");
  const fromComment = fromRun === null ? readRuleTable(sticky?.body ?? "") : null;
  return {
    openedAt: data.created_at,
    author,
    firstReviewAt,
    rules: fromRun ?? fromComment,
    rulesFrom: fromRun !== null ? "check-run" : fromComment !== null ? "comment" : null,
    overrides: readCommentOverrides(sticky?.body ?? "").map(({ rule, by, at, reason }) => ({
      rule,
      by,
      at,
      reason,
    })),
  };
}

/** Promise.all that lets every request finish before it throws: none is left in flight. */
async function settleAll<T extends readonly unknown[]>(promises: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((result) => result.status === "rejected");
  if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
