// The head-SHA guard: right before writing, re-read the pull request's head. A verdict computed
// for an older head must not overwrite what a newer run (for the newer head) published.
import { z } from "zod";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { commitShaSchema, parseAnswer } from "./parse-answer.js";

const ROUTE = "GET /repos/{owner}/{repo}/pulls/{pull_number}";
const headSchema = z.object({ head: z.object({ sha: commitShaSchema }) });

export interface HeadCheck {
  current: boolean;
  /** The pull request's head now. */
  headSha: string;
}

export async function isCurrentHead(
  client: GitHubClient,
  pr: PullRequestRef,
  sha: string,
): Promise<HeadCheck> {
  const response = await client.request(ROUTE, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
  });
  // An answer without a usable head must not pass for "the head moved on" (which would quietly
  // skip publishing): it is an error that says what came back.
  const headSha = parseAnswer(response, ROUTE, headSchema, "a pull request with a head").head.sha;
  return { current: headSha === sha, headSha };
}

/** Thrown by the guard: the pull request moved on, so this run must not write. */
export class StaleHeadError extends Error {
  constructor(
    readonly verdictSha: string,
    readonly headSha: string,
  ) {
    super(
      `this verdict is for ${verdictSha.slice(0, 7)}, but the pull request is now at ${headSha.slice(0, 7)}`,
    );
    this.name = "StaleHeadError";
  }
}

/**
 * A `beforeWrite` hook: checks the head once, on the first write, so a run that has nothing to
 * write does not spend a request on it. Throws StaleHeadError when the head moved.
 */
export function createHeadGuard(
  client: GitHubClient,
  pr: PullRequestRef,
  sha: string,
): () => Promise<void> {
  let checked: Promise<void> | undefined;
  return () =>
    (checked ??= isCurrentHead(client, pr, sha).then((head) => {
      if (!head.current) throw new StaleHeadError(sha, head.headSha);
    }));
}
