// The action's GitHub client: Octokit on GITHUB_API_URL (GitHub Enterprise Server works), with
// the runner's proxy settings, each request bounded in time and all of them by the run's
// deadline, wrapped in bounded retries that log why they wait. Built from @octokit/core rather
// than @actions/github's getOctokit: importing @actions/github parses the event file at once,
// and a malformed one would end the process with a stack trace before run() could report it.
import * as core from "@actions/core";
import { getProxyUrl } from "@actions/http-client/lib/proxy";
import { Octokit } from "@octokit/core";
import { createRetryingClient } from "../shared/github/create-retrying-client.js";
import { createTimeLimitedClient } from "../shared/github/create-time-limited-client.js";
import type { GitHubClient } from "../shared/github/github-client.js";

export interface ActionClientOptions {
  token: string;
  apiUrl: string;
  requestTimeoutMs: number;
  /** Aborted when the run's `timeout` is up. */
  deadline: AbortSignal;
  /** ACTIONS_ORCHESTRATION_ID, tagged onto the user agent as @actions/github does. */
  orchestrationId?: string;
}

export function createActionClient(options: ActionClientOptions): GitHubClient {
  const tag = options.orchestrationId?.trim().replace(/[^a-z0-9_.-]/gi, "_");
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    // Node's own fetch unless a proxy applies to the API's host (HTTPS_PROXY, NO_PROXY).
    ...(usesProxy(options.apiUrl) ? { request: { fetch: lazyProxyFetch(options.apiUrl) } } : {}),
    ...(tag ? { userAgent: `actions_orchestration_id/${tag}` } : {}),
  });
  const limited = createTimeLimitedClient(octokit, {
    requestTimeoutMs: options.requestTimeoutMs,
    deadline: options.deadline,
  });
  return createRetryingClient(limited, {
    signal: options.deadline,
    onRetry: ({ route, attempt, delayMs, reason }) =>
      core.info(
        `shipgate: ${reason} on ${route}; retry ${attempt} in ${Math.ceil(delayMs / 1000)} s`,
      ),
  });
}

/** The same test @actions/http-client makes before it builds a proxy agent. */
function usesProxy(apiUrl: string): boolean {
  return Boolean(getProxyUrl(new URL(apiUrl))?.hostname);
}

/** undici (~430 KB of the bundle) is a separate chunk, loaded on the first request. */
function lazyProxyFetch(apiUrl: string): typeof globalThis.fetch {
  let loaded: Promise<typeof globalThis.fetch> | undefined;
  return async (url, init) => {
    loaded ??= import("./create-proxy-fetch.js").then((m) => m.createProxyFetch(apiUrl));
    return (await loaded)(url, init);
  };
}
