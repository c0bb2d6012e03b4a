// Works out which account the token acts as, so the sticky comment and earlier review comments
// are recognised by author as well as by marker. Installation tokens (the Actions GITHUB_TOKEN,
// App tokens) cannot read /user, so they ask GraphQL's viewer instead.
import type { GitHubClient } from "./github-client.js";

/** Who GITHUB_TOKEN writes as; also the answer when the token cannot say who it is. */
export const ACTIONS_BOT_LOGIN = "github-actions[bot]";

export interface ViewerOptions {
  /** The token, only to tell an installation token (`ghs_`) from a user's token. */
  token?: string;
  /** GraphQL endpoint (GITHUB_GRAPHQL_URL); defaults to the client's `/graphql`. */
  graphqlUrl?: string;
}

/** Returns a memoised lookup: nothing is requested until someone needs the answer. */
export function createViewerLogin(
  client: GitHubClient,
  options: ViewerOptions = {},
): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => (pending ??= lookUp(client, options));
}

async function lookUp(client: GitHubClient, options: ViewerOptions): Promise<string> {
  const installation = options.token === undefined || options.token.startsWith("ghs_");
  if (!installation) {
    const login = await ask(client, "GET /user", {}, (data) => data?.login);
    if (login !== undefined) return login;
  }
  const route = options.graphqlUrl ? `POST ${options.graphqlUrl}` : "POST /graphql";
  const query = { query: "query { viewer { login } }" };
  const login = await ask(client, route, query, (data) => data?.data?.viewer?.login);
  // The Actions token is by far the most common installation token.
  return login ?? ACTIONS_BOT_LOGIN;
}

type Answer = { login?: unknown; data?: { viewer?: { login?: unknown } } } | undefined;

async function ask(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
  pick: (data: Answer) => unknown,
): Promise<string | undefined> {
  try {
    const value = pick((await client.request(route, params)).data as Answer);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
