// Reads the App's config at a ref, `extends` applied. Evaluations get theirs from the pull
// request's base commit through gatherPullRequestFacts; this is for events without one.
import type { GitHubClient, RepoRef } from "../../shared/github/github-client.js";
import { DEFAULT_CONFIG_PATH } from "../../shared/github/read-config-at-ref.js";
import { readFileAtRef } from "../../shared/github/read-file-at-ref.js";
import { resolveAppConfig, type AppConfig } from "./resolve-app-config.js";

export async function readAppConfig(
  client: GitHubClient,
  where: RepoRef & { ref: string },
): Promise<AppConfig> {
  const path = DEFAULT_CONFIG_PATH;
  return resolveAppConfig(client, path, await readFileAtRef(client, { ...where, path }));
}
