// Reads the files the gate takes from the base ref, and the head commit, in one git call.
import { parseCommit, type CommitInfo } from "./parse-commit.js";
import { readObjects } from "./read-objects.js";
import type { GitRepository } from "./open-repository.js";

export const CONFIG_PATH = ".github/shipgate.yml";
export const TEMPLATE_PATH = ".github/pull_request_template.md";
const GITATTRIBUTES_PATH = ".gitattributes";

export interface BaseFiles {
  /** `.github/shipgate.yml` at the base ref; null when absent. */
  config: string | null;
  gitattributes: string | null;
  pullRequestTemplate: string | null;
  headCommit: CommitInfo;
}

export async function readBaseFiles(repo: GitRepository): Promise<BaseFiles> {
  const base = repo.base.sha;
  const objects = await readObjects(
    [
      repo.head.sha,
      `${base}:${CONFIG_PATH}`,
      `${base}:${GITATTRIBUTES_PATH}`,
      `${base}:${TEMPLATE_PATH}`,
    ],
    repo.git,
  );
  const [commit, config, gitattributes, template] = objects.map((o) => o?.toString("utf8") ?? null);
  return {
    config: config ?? null,
    gitattributes: gitattributes ?? null,
    pullRequestTemplate: template ?? null,
    headCommit: parseCommit(commit ?? ""),
  };
}
