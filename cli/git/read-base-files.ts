// Reads the files the gate takes from the base ref, and the head commit, in one git call.
import { parseCommit, type CommitInfo } from "./parse-commit.js";
import { joined } from "./output-line.js";
import { readObjects } from "./read-objects.js";
import type { CommitsToRead } from "./open-repository.js";

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

export async function readBaseFiles({ base, head, git }: CommitsToRead): Promise<BaseFiles> {
  const objects = await readObjects(
    [
      head,
      joined(base, `:${CONFIG_PATH}`),
      joined(base, `:${GITATTRIBUTES_PATH}`),
      joined(base, `:${TEMPLATE_PATH}`),
    ],
    git,
  );
  const [commit, config, gitattributes, template] = objects.map((o) => o?.toString("utf8") ?? null);
  return {
    config: config ?? null,
    gitattributes: gitattributes ?? null,
    pullRequestTemplate: template ?? null,
    headCommit: parseCommit(commit ?? ""),
  };
}
