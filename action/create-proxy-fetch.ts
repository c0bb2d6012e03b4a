// A fetch that goes through the runner's proxy (HTTPS_PROXY / HTTP_PROXY, NO_PROXY honoured):
// undici's fetch with @actions/http-client's proxy agent. Loaded only when a proxy applies, so
// the Action's main bundle carries no copy of undici (Node's own fetch serves every other run).
import { HttpClient } from "@actions/http-client";
import { fetch as undiciFetch } from "undici";

export function createProxyFetch(apiUrl: string): typeof globalThis.fetch {
  const dispatcher = new HttpClient().getAgentDispatcher(apiUrl);
  const proxied: typeof undiciFetch = (url, init) =>
    undiciFetch(url, dispatcher ? { ...init, dispatcher } : init);
  // undici's Request/Response types are its own; at run time they are what Octokit expects.
  return proxied as unknown as typeof globalThis.fetch;
}
