// The App's config from its file's text: parsed with the shared schema and merged over the
// org-wide defaults it `extends` (another repository's file, typically my-org/.github, read at
// that repository's default branch). A base that cannot be read is an error at the `extends` key.
import { LineCounter, parseDocument } from "yaml";
import { locateKeyPath } from "../../shared/core/config/locate-key-path.js";
import { statusOf, type GitHubClient } from "../../shared/github/github-client.js";
import { readFileAtRef } from "../../shared/github/read-file-at-ref.js";
import { readDefaultBranch } from "../../shared/github/read-default-branch.js";
import { mergeExtendedConfig, parseExtends } from "./merge-extended-config.js";
import { parseAppConfig, type AppConfigResult } from "./parse-app-config.js";

export interface AppConfig extends AppConfigResult {
  path: string;
  text: string | null;
}

/** `text` is the repository's config file as read at the base commit (null when missing). */
export async function resolveAppConfig(
  client: GitHubClient,
  path: string,
  text: string | null,
): Promise<AppConfig> {
  const local = parseAppConfig(text, path);
  const target = local.result.ok ? local.result.config.extends : undefined;
  if (target === undefined || text === null) return { ...local, path, text };

  const fail = (message: string): AppConfig => {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    const at = locateKeyPath(doc, lineCounter, ["extends"]);
    return {
      result: { ok: false, errors: [{ file: path, ...at, path: "extends", message }] },
      raw: null,
      path,
      text,
    };
  };
  const base = parseExtends(target);
  if (base === null) return fail('must name a repository, e.g. "my-org/.github"');
  let baseText: string | null;
  try {
    const ref = await readDefaultBranch(client, { owner: base.owner, repo: base.repo });
    baseText = await readFileAtRef(client, {
      owner: base.owner,
      repo: base.repo,
      ref,
      path: base.path,
    });
  } catch (error) {
    const status = statusOf(error);
    if (status !== 404 && status !== 403) throw error;
    baseText = null;
  }
  if (baseText === null) {
    return fail(
      `${target}: ${base.path} was not found, or the shipgate App is not installed on ${base.owner}/${base.repo}; install it there or remove \`extends\``,
    );
  }
  const baseFile = `${base.owner}/${base.repo}:${base.path}`;
  const merged = mergeExtendedConfig(parseAppConfig(baseText, baseFile), local, path);
  return { ...merged, path, text };
}
