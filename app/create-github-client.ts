// Adapts Probot's Octokit to the client shared/github expects. Probot's retry plugin is turned
// off per request (it would re-send a POST after a 5xx and duplicate a write); shared/github's
// retrying client retries instead: rate limits, and 5xx only for idempotent methods. With
// `retry.signal`, aborting it cancels the request in flight as well as any wait for a retry.
import {
  createRetryingClient,
  type RetryOptions,
} from "../shared/github/create-retrying-client.js";
import type { GitHubClient, GitHubResponse } from "../shared/github/github-client.js";

export interface OctokitLike {
  request(route: string, params?: Record<string, unknown>): Promise<unknown>;
}

export function createGitHubClient(octokit: OctokitLike, retry: RetryOptions = {}): GitHubClient {
  const once: GitHubClient = {
    request: async (route, params = {}) => {
      const request = {
        ...(params.request as Record<string, unknown> | undefined),
        retries: 0,
        ...(retry.signal ? { signal: retry.signal } : {}),
      };
      return (await octokit.request(route, { ...params, request })) as GitHubResponse;
    },
  };
  return createRetryingClient(once, retry);
}
