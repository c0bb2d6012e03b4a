// issue_comment.created on a pull request: `/shipgate recheck` and `/shipgate override <rule>
// [<commit>] <reason>`. An override needs write, maintain or admin permission, asked of the API
// (never author_association), and is recorded with who, when, why and the head commit it covers:
// the commit it names, or else the head the commenter saw; if the head moved after the comment
// was written, nothing is overridden and the reply says why. The webhook only records a job
// (answered at once); the job checks, replies and evaluates (queue/process-evaluation-job.ts).
import type { Context } from "probot";
import { codeSpan, escapeMarkdown } from "../shared/core/render/escape-markdown.js";
import type { GitHubClient, PullRequestRef } from "../shared/github/github-client.js";
import { postIssueComment } from "../shared/github/post-issue-comment.js";
import { readRepositoryRole } from "../shared/github/read-repository-role.js";
import type { AppRuntime } from "./app-runtime.js";
import type { AppState } from "./overrides/override-record.js";
import { parseCommand, type Command } from "./overrides/parse-command.js";
import { readHeadFirstSeen } from "./overrides/read-head-first-seen.js";
import { enqueueJob } from "./queue/enqueue-job.js";
import type { EvaluationJob } from "./queue/evaluation-job.js";

const ALLOWED_ROLES = new Set(["admin", "maintain", "write"]);

export async function handleIssueComment(
  context: Context<"issue_comment.created">,
  runtime: AppRuntime,
): Promise<void> {
  const { issue, comment, repository } = context.payload;
  if (!issue.pull_request || comment.user?.type === "Bot") return;
  // Only the text is looked at here: permission, the head and the evaluation are the job's work.
  if (parseCommand(comment.body) === null) return;
  await enqueueJob(runtime, context, {
    kind: "command",
    owner: repository.owner.login,
    repo: repository.name,
    number: issue.number,
    headSha: "",
    comment: {
      body: comment.body,
      login: comment.user?.login ?? "",
      createdAt: comment.created_at,
    },
  });
}

/** What a command job does before its evaluation; null: nothing to evaluate (it was answered). */
export type CommandPlan = { updateState?: (state: AppState) => AppState } | null;

/**
 * The command's checks before the pull request is read: an invalid command gets its usage reply
 * and an override its author's permission (write, maintain or admin), asked of the API.
 */
export async function checkCommand(
  client: GitHubClient,
  pr: PullRequestRef,
  comment: NonNullable<EvaluationJob["comment"]>,
): Promise<Command | null> {
  const command = parseCommand(comment.body);
  if (command === null) return null;
  if (command.kind === "invalid") {
    await postIssueComment(client, pr, command.message);
    return null;
  }
  if (command.kind === "override") {
    const role = await readRepositoryRole(client, pr, comment.login);
    if (!ALLOWED_ROLES.has(role)) {
      await postIssueComment(
        client,
        pr,
        `${escapeMarkdown(comment.login)}: ${codeSpan("/shipgate override")} needs write, maintain or admin permission on this repository (yours: ${role}). Ask a maintainer to override, or fix the rule.`,
      );
      return null;
    }
  }
  return command;
}

/**
 * Once the head is known: an override that could cover a commit its author never saw is refused
 * with a reply (null); otherwise how the evaluation records it.
 */
export async function planCommand(
  client: GitHubClient,
  pr: PullRequestRef,
  command: Command,
  comment: NonNullable<EvaluationJob["comment"]>,
  head: string,
  runtime: Pick<AppRuntime, "botLogin" | "now">,
): Promise<CommandPlan> {
  if (command.kind !== "override") return {};
  const seen = command.sha
    ? null
    : await readHeadFirstSeen(client, pr, head, (await runtime.botLogin()).replace(/\[bot\]$/, ""));
  const refusal = refuseStaleOverride(command, head, comment.createdAt, seen);
  if (refusal !== null) {
    await postIssueComment(client, pr, `${escapeMarkdown(comment.login)}: ${refusal}`);
    return null;
  }
  const at = runtime
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
  return {
    updateState: (state) => ({
      ...state,
      overrides: [
        ...state.overrides.filter((o) => o.rule !== command.rule),
        { rule: command.rule, by: comment.login, at, reason: command.reason, sha: head },
      ],
    }),
  };
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
