// issue_comment.created on a pull request: `/shipgate recheck` and `/shipgate override <rule>
// <reason>`. An override needs write, maintain or admin permission, asked of the API (never
// author_association), and is recorded with who, when, why and the head commit it covers.
import type { Context } from "probot";
import { codeSpan, escapeMarkdown } from "../shared/core/render/escape-markdown.js";
import {
  statusOf,
  type GitHubClient,
  type PullRequestRef,
} from "../shared/github/github-client.js";
import { baseRequest, type AppRuntime } from "./app-runtime.js";
import { parseCommand } from "./overrides/parse-command.js";
import { runEvaluation } from "./run-evaluation.js";

const ALLOWED_ROLES = new Set(["admin", "maintain", "write"]);

export async function handleIssueComment(
  context: Context<"issue_comment.created">,
  runtime: AppRuntime,
): Promise<void> {
  const { issue, comment, repository } = context.payload;
  if (!issue.pull_request || comment.user?.type === "Bot") return;
  const command = parseCommand(comment.body);
  if (command === null) return;
  const client = runtime.clientFor(context.octokit);
  const pr = { owner: repository.owner.login, repo: repository.name, number: issue.number };
  const login = comment.user?.login ?? "";
  if (command.kind === "invalid") return reply(client, pr, command.message);

  if (command.kind === "override") {
    const role = await repositoryRole(client, pr, login);
    if (!ALLOWED_ROLES.has(role)) {
      return reply(
        client,
        pr,
        `${escapeMarkdown(login)}: ${codeSpan("/shipgate override")} needs write, maintain or admin permission on this repository (yours: ${role}). Ask a maintainer to override, or fix the rule.`,
      );
    }
  }
  await runtime.queue.run(`${pr.owner}/${pr.repo}#${pr.number}`, async () => {
    const head = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
    });
    const pullRequest = head.data as { head: { sha: string }; state?: string };
    if (pullRequest.state === "closed") return;
    const sha = pullRequest.head.sha;
    const at = runtime
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    await runEvaluation({
      ...baseRequest(runtime, context, client),
      ...pr,
      headSha: sha,
      pullRequest: head.data as never,
      ...(command.kind === "override"
        ? {
            updateState: (state) => ({
              ...state,
              overrides: [
                ...state.overrides.filter((o) => o.rule !== command.rule),
                { rule: command.rule, by: login, at, reason: command.reason, sha },
              ],
            }),
          }
        : {}),
    });
  });
}

/** The role GitHub reports (`role_name`), falling back to the legacy `permission` field. */
async function repositoryRole(client: GitHubClient, repo: PullRequestRef, username: string) {
  let response;
  try {
    response = await client.request(
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      { owner: repo.owner, repo: repo.repo, username },
    );
  } catch (error) {
    // GitHub answers 404 for someone who is not a collaborator at all.
    if (statusOf(error) === 404) return "none";
    throw error;
  }
  const data = response.data as { role_name?: string; permission?: string };
  return String(data.role_name ?? data.permission ?? "none");
}

async function reply(client: GitHubClient, pr: PullRequestRef, body: string): Promise<void> {
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body,
  });
}
