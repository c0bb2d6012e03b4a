// Gathers everything the gate needs about one pull request from the API: the pull request, its
// files, and — at the BASE commit, never the PR's own — the config, .gitattributes and the PR
// template; then what the rules that are on ask for: the linked issues the body names, whether
// the pull request is stacked, how it is flowing. Coverage is the adapter's to add.
import { factsToGather } from "../core/rules/facts-to-gather.js";
import { referencesToVerify } from "../core/rules/references-to-verify.js";
import type { FlowFacts, PullRequestFacts, StackFacts } from "../core/types.js";
import type { ApiPullRequest } from "./api-pull-request.js";
import { gatherFlow } from "./gather-flow.js";
import { gatherLinkedItems } from "./gather-linked-items.js";
import { gatherStack } from "./gather-stack.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { listPullRequestFiles } from "./list-pull-request-files.js";
import type { LineSpan } from "./read-hunk-spans.js";
import { DEFAULT_CONFIG_PATH, toConfigAtRef, type ConfigAtRef } from "./read-config-at-ref.js";
import { readFilesAtRef } from "./read-files-at-ref.js";
import { readPullRequest } from "./read-pull-request.js";
import { readRepositoryLayout, type RepositoryLayout } from "./read-repository-layout.js";

export const GITATTRIBUTES_PATH = ".gitattributes";
export const PULL_REQUEST_TEMPLATE_PATH = ".github/pull_request_template.md";

export interface GatherOptions extends PullRequestRef {
  /** The pull request from the webhook payload; saves a read. Fetched when absent. */
  pullRequest?: ApiPullRequest;
  configPath?: string;
  /**
   * Read the base commit's files in one GraphQL query at `url` ("" for the client's /graphql),
   * with the token's login when `viewer` is set, instead of one contents request per file. Falls
   * back to the contents API when GraphQL fails.
   */
  graphql?: { url: string; viewer?: boolean };
  /**
   * Turns the config file's text at the base commit into the config (toConfigAtRef by default).
   * The App resolves `extends` here: the base file is still read once, with the other files.
   */
  resolveConfig?: (path: string, text: string | null) => ConfigAtRef | Promise<ConfigAtRef>;
  /**
   * The head's file list and Go modules, for mapping coverage paths: the Action reads its
   * checkout; by default they are read from the API at the head commit.
   */
  readLayout?: () => Promise<RepositoryLayout>;
  /** The clock waiting times are measured to; the real one by default. */
  now?: () => Date;
}

export interface GatheredPullRequest {
  /** Coverage is null: the adapter knows where the reports are. */
  facts: PullRequestFacts;
  config: ConfigAtRef;
  pullRequest: ApiPullRequest;
  /** Where review comments may go (see publishReview). */
  hunkSpans: Map<string, LineSpan[]>;
  /** Who the token acts as, when `graphql.viewer` asked and GraphQL answered. */
  viewerLogin?: string;
}

export async function gatherPullRequestFacts(
  client: GitHubClient,
  options: GatherOptions,
): Promise<GatheredPullRequest> {
  const { owner, repo, number } = options;
  const pr = options.pullRequest ?? (await readPullRequest(client, options));
  const base = { owner, repo, ref: pr.base.sha };
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const repository = `${owner}/${repo}`;
  const body = pr.body ?? "";

  const baseFiles = readFilesAtRef(client, {
    ...base,
    paths: [GITATTRIBUTES_PATH, configPath, PULL_REQUEST_TEMPLATE_PATH],
    ...(options.graphql
      ? { graphqlUrl: options.graphql.url, viewer: options.graphql.viewer ?? false }
      : {}),
  });
  const configAndLinks = baseFiles.then(async (read) => {
    const text = read.files.get(configPath) ?? null;
    const config = await (options.resolveConfig ?? toConfigAtRef)(configPath, text);
    if (!config.result.ok) return { config, linkedItems: [], stack: null, flow: null };
    const refs = referencesToVerify(body, config.result.config, repository);
    const wanted = factsToGather(config.result.config);
    const [linkedItems, stack, flow] = await Promise.all([
      refs.length === 0 ? [] : gatherLinkedItems(client, refs, repository),
      wanted.has("stack") ? gatherStack(client, options, pr) : null,
      wanted.has("flow") ? gatherFlow(client, options, pr, options.now?.() ?? new Date()) : null,
    ]);
    return { config, linkedItems, stack, flow };
  });
  const layout =
    options.readLayout?.() ??
    readRepositoryLayout(client, {
      owner,
      repo,
      sha: pr.head.sha,
      ...(options.graphql ? { graphqlUrl: options.graphql.url } : {}),
    });
  const [listed, read, { config, linkedItems, stack, flow }, { repoFiles, goModules }] =
    await Promise.all([
      listPullRequestFiles(client, { owner, repo, number }, pr.changed_files),
      baseFiles,
      configAndLinks,
      layout,
    ]);
  const gitattributes = read.files.get(GITATTRIBUTES_PATH) ?? null;
  const template = read.files.get(PULL_REQUEST_TEMPLATE_PATH) ?? null;

  const facts: PullRequestFacts = {
    repository,
    number,
    title: pr.title,
    body,
    labels: (pr.labels ?? []).flatMap((label) => label.name ?? []),
    author: pr.user?.login ?? "",
    base: { ref: pr.base.ref, sha: pr.base.sha },
    head: { ref: pr.head.ref, sha: pr.head.sha },
    files: listed.files,
    filesTruncated: listed.truncated,
    linkedItems,
    coverage: null,
    gitattributes,
    pullRequestTemplate: template,
    repoFiles,
    goModules,
    configChanged: listed.files.some(
      (file) => file.path === configPath || file.previousPath === configPath,
    ),
    ...withGathered(stack, flow),
  };
  const gathered = { facts, config, pullRequest: pr, hunkSpans: listed.hunkSpans };
  return read.viewerLogin === undefined ? gathered : { ...gathered, viewerLogin: read.viewerLogin };
}

/** Only what was gathered: a fact nobody asked for stays absent, as in the CLI. */
function withGathered(
  stack: StackFacts | null,
  flow: FlowFacts | null,
): Pick<PullRequestFacts, "stack" | "flow"> {
  return { ...(stack === null ? {} : { stack }), ...(flow === null ? {} : { flow }) };
}
