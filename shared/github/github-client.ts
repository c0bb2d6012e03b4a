// The slice of Octokit that shared/github uses, typed structurally so the Action's Octokit, the
// App's Probot Octokit and a test's client all fit; and how to read the errors it throws.

export type HeaderValue = string | number | undefined;

export interface GitHubResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, HeaderValue>;
}

export interface GitHubClient {
  // `any` because every route returns a different shape; each caller narrows what it reads.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request(route: string, params?: Record<string, unknown>): Promise<GitHubResponse<any>>;
}

/** What Octokit's RequestError carries; anything else thrown has no status. */
export interface RequestFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, HeaderValue>; data?: unknown };
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as RequestFailure | null)?.status;
  return typeof status === "number" ? status : undefined;
}

export function headerOf(error: unknown, name: string): string | undefined {
  const value = (error as RequestFailure | null)?.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** GitHub's error message, from the response body when there is one. */
export function messageOf(error: unknown): string {
  const data = (error as RequestFailure | null)?.response?.data as
    { message?: unknown } | undefined;
  if (typeof data?.message === "string") return data.message;
  return error instanceof Error ? error.message : String(error);
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestRef extends RepoRef {
  number: number;
}
