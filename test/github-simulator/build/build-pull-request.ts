// Builds GitHub's pull-request object (a superset of pull-request-simple) from an issue record.
import type { IssueRecord, PullRecord, RepoRecord } from "../types.js";
import { buildLabels } from "./build-label.js";
import { buildRepository } from "./build-repository.js";
import { buildUser } from "./build-user.js";
import { nodeId, type BuildContext } from "./context.js";

export function buildPullRequest(
  repo: RepoRecord,
  issue: IssueRecord & { pull: PullRecord },
  ctx: BuildContext,
) {
  const { pull } = issue;
  const repoUrl = `${ctx.api}/repos/${repo.owner}/${repo.name}`;
  const url = `${repoUrl}/pulls/${issue.number}`;
  const issueUrl = `${repoUrl}/issues/${issue.number}`;
  const html = `${ctx.html}/${repo.owner}/${repo.name}/pull/${issue.number}`;
  const repository = buildRepository(repo, ctx);
  const owner = buildUser({ login: repo.owner, type: repo.ownerType }, ctx);
  const branch = (side: { ref: string; sha: string }) => ({
    label: `${repo.owner}:${side.ref}`,
    ref: side.ref,
    sha: side.sha,
    user: owner,
    repo: repository,
  });
  const additions = pull.files.reduce((sum, f) => sum + f.additions, 0);
  const deletions = pull.files.reduce((sum, f) => sum + f.deletions, 0);
  return {
    url,
    id: issue.id,
    node_id: nodeId("PullRequest", issue.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${repoUrl}/statuses/${pull.head.sha}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: buildUser(issue.user, ctx),
    body: issue.body,
    labels: buildLabels(repo, issue.labels, ctx),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.state === "closed" ? issue.updatedAt : null,
    merged_at: pull.merged ? issue.updatedAt : null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branch(pull.head),
    base: branch(pull.base),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${repoUrl}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${repoUrl}/statuses/${pull.head.sha}` },
    },
    author_association: "CONTRIBUTOR",
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions,
    deletions,
    changed_files: pull.files.length,
  };
}
