// createGitHubClient: Probot's Octokit as shared/github's client. Probot's own retries are off for
// every request, and a signal given for the client reaches each request, so aborting it cancels
// the request in flight, not only the wait before a retry.
import { createGitHubClient, type OctokitLike } from "../../../app/create-github-client.js";

function recordingOctokit() {
  const seen: Record<string, unknown>[] = [];
  const octokit: OctokitLike = {
    request: (_route, params = {}) => {
      seen.push(params.request as Record<string, unknown>);
      return Promise.resolve({ status: 200, headers: {}, data: {} });
    },
  };
  return { octokit, seen };
}

describe("createGitHubClient", () => {
  it("turns Probot's retries off and keeps the request options it was given", async () => {
    const { octokit, seen } = recordingOctokit();
    await createGitHubClient(octokit).request("GET /app", { request: { timeout: 5 } });
    expect(seen).toEqual([{ timeout: 5, retries: 0 }]);
  });

  it("gives every request the client's signal", async () => {
    const { octokit, seen } = recordingOctokit();
    const abort = new AbortController();
    await createGitHubClient(octokit, { signal: abort.signal }).request("GET /app");
    expect(seen).toEqual([{ retries: 0, signal: abort.signal }]);
  });

  it("cancels a request in flight when the signal is aborted", async () => {
    // Like fetch: the request ends when its signal is aborted, with the signal's reason.
    const octokit: OctokitLike = {
      request: (_route, params = {}) =>
        new Promise((_resolve, reject) => {
          const { signal } = params.request as { signal: AbortSignal };
          signal.addEventListener("abort", () => reject(signal.reason));
        }),
    };
    const abort = new AbortController();
    const request = createGitHubClient(octokit, { signal: abort.signal }).request("GET /app");
    abort.abort(new Error("stopping"));
    await expect(request).rejects.toThrow("stopping");
  });
});
