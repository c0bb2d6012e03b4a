// Reads and parses the gate's config at a commit (always the base: a pull request must never
// relax the gate it is judged by). A missing file means defaults; a broken one is a result.
import { parseConfig, type ConfigResult } from "../core/config/parse-config.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { readFileAtRef } from "./read-file-at-ref.js";

export const DEFAULT_CONFIG_PATH = ".github/shipgate.yml";

export interface ConfigAtRef {
  path: string;
  /** The file's text, or null when the file does not exist at that ref. */
  text: string | null;
  result: ConfigResult;
}

export async function readConfigAtRef(
  client: GitHubClient,
  where: RepoRef & { ref: string; path?: string },
): Promise<ConfigAtRef> {
  const path = where.path ?? DEFAULT_CONFIG_PATH;
  return toConfigAtRef(path, await readFileAtRef(client, { ...where, path }));
}

/** The config read some other way (e.g. with other files in one query). */
export function toConfigAtRef(path: string, text: string | null): ConfigAtRef {
  return { path, text, result: parseConfig(text, path) };
}
