// Event payloads from @octokit/webhooks-examples, adapted per test scenario.
import { createRequire } from "node:module";

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as Definition[];

/** A deep copy of the first example of `event` with `action`, with `overrides` merged on top. */
export function examplePayload(
  event: string,
  action: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const definition = definitions.find((d) => d.name === event);
  const example = definition?.examples.find((e) => e.action === action);
  if (!example) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`);
  return { ...structuredClone(example), ...overrides };
}

export interface PullRequestScenario {
  owner: string;
  repo: string;
  number: number;
  action?: string;
  title?: string;
  body?: string;
  labels?: string[];
  baseSha: string;
  headSha: string;
  changedFiles: number;
  /** A pull request from a fork: head repository differs from base. */
  fork?: boolean;
}

/** The `pull_request.opened` example, moved to the scenario's repository and commits. */
export function pullRequestPayload(s: PullRequestScenario): Record<string, unknown> {
  const payload = examplePayload("pull_request", "opened", {
    action: s.action ?? "opened",
    number: s.number,
  });
  const pr = payload.pull_request as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const repository = {
    ...(payload.repository as object),
    name: s.repo,
    full_name: `${s.owner}/${s.repo}`,
    // The base below is `main`: a pull request into the default branch, stacked on nothing.
    default_branch: "main",
  };
  const headRepo = s.fork
    ? { ...repository, full_name: `contributor/${s.repo}`, fork: true }
    : repository;
  Object.assign(pr, {
    number: s.number,
    title: s.title ?? pr.title,
    body: s.body ?? "",
    labels: (s.labels ?? []).map((name, i) => ({ id: i + 1, name, color: "ededed" })),
    changed_files: s.changedFiles,
    // Opened just now, as the event says (the example's date is years old: focus would call it stale).
    created_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    base: { ...pr.base, ref: "main", sha: s.baseSha, repo: repository },
    head: { ...pr.head, ref: "feature", sha: s.headSha, repo: headRepo },
  });
  return { ...payload, repository };
}
