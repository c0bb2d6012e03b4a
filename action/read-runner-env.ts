// The runner's environment, read once at the start of a run (never at import time).
import path from "node:path";

export interface RunnerEnv {
  eventName: string;
  eventPath: string;
  repository: string;
  owner: string;
  repo: string;
  apiUrl: string;
  graphqlUrl: string;
  workspace: string;
  /** Where the JSON report and the evaluation file go. */
  outputDir: string;
  stepSummary: string | undefined;
}

export function readRunnerEnv(env: NodeJS.ProcessEnv): RunnerEnv {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner = "", repo = ""] = repository.split("/");
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    eventPath: env.GITHUB_EVENT_PATH ?? "",
    repository,
    owner,
    repo,
    apiUrl,
    graphqlUrl: env.GITHUB_GRAPHQL_URL || defaultGraphqlUrl(apiUrl),
    workspace,
    outputDir: path.join(env.RUNNER_TEMP || workspace, "shipgate"),
    stepSummary: env.GITHUB_STEP_SUMMARY || undefined,
  };
}

/** api.github.com/graphql; on GitHub Enterprise Server, /api/v3 becomes /api/graphql. */
function defaultGraphqlUrl(apiUrl: string): string {
  return apiUrl.endsWith("/api/v3")
    ? `${apiUrl.slice(0, -"/v3".length)}/graphql`
    : `${apiUrl}/graphql`;
}
