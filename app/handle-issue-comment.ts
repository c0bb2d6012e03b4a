// issue_comment.created on a pull request: `/shipgate recheck` and `/shipgate override <rule>
// <reason>`. An override needs write, maintain or admin permission, asked of the API (never
// author_association), and is recorded with who, when, why and the head commit it covers.
import type { Context } from "probot";
import { codeSpan, escapeMarkdown } from "../shared/core/render/escape-markdown.js";
import { postIssueComment } from "../shared/github/post-issue-comment.js";
import { readPullRequest } from "../shared/github/read-pull-request.js";
import { readRepositoryRole } from "../shared/github/read-repository-role.js";
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
  if (command.kind === "invalid") return postIssueComment(client, pr, command.message);

  if (command.kind === "override") {
    const role = await readRepositoryRole(client, pr, login);
    if (!ALLOWED_ROLES.has(role)) {
      return postIssueComment(
        client,
        pr,
        `${escapeMarkdown(login)}: ${codeSpan("/shipgate override")} needs write, maintain or admin permission on this repository (yours: ${role}). Ask a maintainer to override, or fix the rule.`,
      );
    }
  }
  await runtime.queue.run(`${pr.owner}/${pr.repo}#${pr.number}`, async () => {
    const pullRequest = await readPullRequest(client, pr);
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
      pullRequest,
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
