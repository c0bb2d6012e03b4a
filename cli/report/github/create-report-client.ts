// The report's GitHub client: Octokit on GITHUB_API_URL with the token, bounded retries
// (shared/github), and a request budget: every request is counted, and one past the budget is
// refused before it is sent.
import { Octokit } from "@octokit/core";
import { createRetryingClient } from "../../../shared/github/create-retrying-client.js";
import type { GitHubClient } from "../../../shared/github/github-client.js";

export interface ReportClient extends GitHubClient {
  /** Requests sent so far, retries included. */
  requests: () => number;
}

export class RequestBudgetError extends Error {}

export function createReportClient(options: {
  token: string;
  apiUrl: string;
  maxRequests: number;
}): ReportClient {
  let sent = 0;
  // Aborted when the budget is spent, so the retrying client does not retry the refusal.
  const spent = new AbortController();
  const octokit = new Octokit({ auth: options.token, baseUrl: options.apiUrl });
  const counted: GitHubClient = {
    request: async (route, params) => {
      if (sent >= options.maxRequests) {
        spent.abort();
        throw new RequestBudgetError(`the request budget of ${options.maxRequests} is spent`);
      }
      sent += 1;
      return octokit.request(route, params);
    },
  };
  const client = createRetryingClient(counted, { signal: spent.signal });
  return { request: client.request, requests: () => sent };
}
