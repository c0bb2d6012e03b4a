// Builds GitHub's issue object; pull requests are issues too and then carry `pull_request`.
import type { IssueRecord, RepoRecord } from "../types.js";
import { buildLabels } from "./build-label.js";
import { buildUser } from "./build-user.js";
import { nodeId, type BuildContext } from "./context.js";

export function buildIssue(
  repo: RepoRecord,
  issue: IssueRecord,
  commentCount: number,
  ctx: BuildContext,
) {
  const repoUrl = `${ctx.api}/repos/${repo.owner}/${repo.name}`;
  const url = `${repoUrl}/issues/${issue.number}`;
  const kind = issue.pull ? "pull" : "issues";
  const htmlUrl = `${ctx.html}/${repo.owner}/${repo.name}/${kind}/${issue.number}`;
  return {
    id: issue.id,
    node_id: nodeId("Issue", issue.id),
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: htmlUrl,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason ?? null,
    title: issue.title,
    body: issue.body,
    user: buildUser(issue.user, ctx),
    labels: buildLabels(repo, issue.labels, ctx),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: commentCount,
    ...(issue.pull
      ? {
          pull_request: {
            url: `${repoUrl}/pulls/${issue.number}`,
            html_url: htmlUrl,
            diff_url: `${htmlUrl}.diff`,
            patch_url: `${htmlUrl}.patch`,
            merged_at: issue.pull.merged ? issue.updatedAt : null,
          },
          draft: issue.pull.draft,
        }
      : {}),
    closed_at: issue.state === "closed" ? issue.updatedAt : null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: "CONTRIBUTOR",
  };
}
