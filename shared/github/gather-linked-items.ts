// Looks up the GitHub issues a pull request body references: does each exist, is it open, which
// labels it has, whether a pull request merged and why an issue was closed. An item the token cannot see is left out (unverified), never called missing:
// GitHub answers 404 for a private repository the token cannot read, so only a 404 from the
// pull request's own repository (which the token can read) proves an item does not exist.
import { z } from "zod";
import type { LinkedItemFacts } from "../core/types.js";
import { statusOf, type GitHubClient } from "./github-client.js";
import { parseAnswer } from "./parse-answer.js";

const REF = /^([^/]+)\/([^#]+)#(\d+)$/;

const ISSUE_ROUTE = "GET /repos/{owner}/{repo}/issues/{issue_number}";
const apiIssueSchema = z.object({
  state: z.string().optional(),
  title: z.string().optional(),
  html_url: z.string().optional(),
  body: z.string().nullish(),
  state_reason: z.string().nullish(),
  pull_request: z.object({ merged_at: z.string().nullish() }).nullish(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() })])).optional(),
});

/**
 * `refs` are canonical `owner/repo#12` references, as findRiskReferences returns them;
 * `repository` is the pull request's own `owner/repo`.
 */
export async function gatherLinkedItems(
  client: GitHubClient,
  refs: readonly string[],
  repository: string,
): Promise<LinkedItemFacts[]> {
  const items = await Promise.all(refs.map((ref) => lookUp(client, ref, repository)));
  return items.filter((item): item is LinkedItemFacts => item !== null);
}

async function lookUp(
  client: GitHubClient,
  ref: string,
  repository: string,
): Promise<LinkedItemFacts | null> {
  const match = REF.exec(ref);
  if (match === null) return null;
  try {
    const response = await client.request(ISSUE_ROUTE, {
      owner: match[1],
      repo: match[2],
      issue_number: Number(match[3]),
    });
    // An answer that is not an issue proves nothing either way: unverified, like an outage.
    const issue = parseAnswer(response, ISSUE_ROUTE, apiIssueSchema, "an issue");
    const labels = (issue.labels ?? []).flatMap((l) =>
      typeof l === "string" ? l : (l.name ?? []),
    );
    return {
      ref,
      exists: true,
      state: issue.state === "closed" ? "closed" : "open",
      labels,
      ...(issue.title === undefined ? {} : { title: issue.title }),
      ...(issue.html_url === undefined ? {} : { url: issue.html_url }),
      // What it depends on in turn (a cycle), at no extra read.
      ...(issue.body == null ? {} : { body: issue.body }),
      // Pull requests are issues too; `merged_at` says whether one merged, without a second read.
      ...(issue.pull_request == null
        ? { pullRequest: false, stateReason: issue.state_reason ?? null }
        : { pullRequest: true, merged: issue.pull_request.merged_at != null }),
    };
  } catch (error) {
    const status = statusOf(error);
    // 404: no such issue; 410: deleted. Elsewhere a 404 may only mean no access, and anything
    // else (an outage) proves nothing.
    const ownRepository = `${match[1]}/${match[2]}`.toLowerCase() === repository.toLowerCase();
    if (ownRepository && (status === 404 || status === 410)) return { ref, exists: false };
    return null;
  }
}
