// Whether a pull request is stacked: one list read for the open pull requests whose head branch
// is this one's base branch, in the same repository. A pull request into the default branch is
// not stacked and costs nothing. A read that fails leaves the stack unknown (null), never empty.
import { z } from "zod";
import type { StackFacts } from "../core/types.js";
import type { ApiPullRequest } from "./api-pull-request.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { parseAnswer } from "./parse-answer.js";

const ROUTE = "GET /repos/{owner}/{repo}/pulls";
const listedSchema = z.array(
  z.object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullish(),
    html_url: z.string().optional(),
    head: z.object({
      ref: z.string(),
      repo: z.object({ full_name: z.string() }).nullish(),
    }),
  }),
);

export async function gatherStack(
  client: GitHubClient,
  pr: PullRequestRef,
  pullRequest: ApiPullRequest,
): Promise<StackFacts | null> {
  const base = pullRequest.base.ref;
  const defaultBranch = pullRequest.base.repo?.default_branch;
  if (defaultBranch === undefined || base === defaultBranch) return null;
  const repository = `${pr.owner}/${pr.repo}`;
  try {
    const response = await client.request(ROUTE, {
      owner: pr.owner,
      repo: pr.repo,
      state: "open",
      head: `${pr.owner}:${base}`,
      per_page: 100,
    });
    const listed = parseAnswer(response, ROUTE, listedSchema, "a list of pull requests");
    const pullRequests = listed
      .filter(
        (p) =>
          p.number !== pr.number &&
          p.head.ref === base &&
          p.head.repo?.full_name.toLowerCase() === repository.toLowerCase(),
      )
      .map((p) => ({
        ref: `${repository}#${p.number}`,
        exists: true,
        state: "open" as const,
        pullRequest: true,
        merged: false,
        title: p.title,
        ...(p.html_url === undefined ? {} : { url: p.html_url }),
        ...(p.body == null ? {} : { body: p.body }),
      }));
    return { base, pullRequests };
  } catch {
    return { base, pullRequests: null };
  }
}
