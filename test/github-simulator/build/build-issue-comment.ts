// Builds GitHub's issue-comment object.
import type { CommentRecord } from "../types.js";
import { buildUser } from "./build-user.js";
import { nodeId, type BuildContext } from "./context.js";

export function buildIssueComment(comment: CommentRecord, isPull: boolean, ctx: BuildContext) {
  const full = `${comment.owner}/${comment.repo}`;
  const kind = isPull ? "pull" : "issues";
  return {
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    url: `${ctx.api}/repos/${full}/issues/comments/${comment.id}`,
    html_url: `${ctx.html}/${full}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${ctx.api}/repos/${full}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: buildUser(comment.user, ctx),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.type === "Bot" ? "NONE" : "CONTRIBUTOR",
  };
}
