// issue_comment.created on a pull request: `/shipgate recheck` and `/shipgate override <rule>
// [<commit>] <reason>`. An override needs write, maintain or admin permission, asked of the API
// (never author_association), and is recorded with who, when, why and the head commit it covers:
// the commit it names, or else the head the commenter saw; if the head moved after the comment
// was written, nothing is overridden and the reply says why.
import type { Context } from "probot";
import { codeSpan, escapeMarkdown } from "../shared/core/render/escape-markdown.js";
import { postIssueComment } from "../shared/github/post-issue-comment.js";
import { readPullRequest } from "../shared/github/read-pull-request.js";
import { readRepositoryRole } from "../shared/github/read-repository-role.js";
import { baseRequest, type AppRuntime } from "./app-runtime.js";
import { parseCommand, type Command } from "./overrides/parse-command.js";
import { readHeadFirstSeen } from "./overrides/read-head-first-seen.js";
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
    if (command.kind === "override") {
      const seen = command.sha
        ? null
        : await readHeadFirstSeen(
            client,
            pr,
            sha,
            (await runtime.botLogin()).replace(/\[bot\]$/, ""),
          );
      const refusal = refuseStaleOverride(command, sha, comment.created_at, seen);
      if (refusal !== null)
        return postIssueComment(client, pr, `${escapeMarkdown(login)}: ${refusal}`);
    }
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

/**
 * Why an override must not apply to `head`, or null. A named commit must be the head; without
 * one, the head must have been there when the comment was written (`seen`: when this App first
 * started its check on it; null when it never did, so nobody can tell).
 */
export function refuseStaleOverride(
  command: Extract<Command, { kind: "override" }>,
  head: string,
  commentedAt: string,
  seen: Date | null,
): string | null {
  const short = codeSpan(head.slice(0, 7));
  const retry = `${codeSpan(`/shipgate override ${command.rule} ${head.slice(0, 7)}`)} and the reason`;
  if (command.sha !== undefined) {
    if (head.startsWith(command.sha)) return null;
    return `the override names commit ${codeSpan(command.sha.slice(0, 12))}, but the pull request's head is ${short}; nothing was overridden. To override the head, review it and comment ${retry}.`;
  }
  if (seen !== null && seen.getTime() <= Date.parse(commentedAt)) return null;
  const when =
    seen === null
      ? "shipgate cannot tell whether it was there when you commented"
      : "it arrived after your comment";
  return `the pull request's head is now ${short} and ${when}, so the override could cover a commit you have not seen; nothing was overridden. To override ${short}, review it and comment ${retry}.`;
}
