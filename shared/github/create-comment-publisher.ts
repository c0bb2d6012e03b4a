// The sticky pull-request comment: found by its hidden marker and its author, edited in place,
// never duplicated. A create whose answer was lost is detected by listing again, and two runs
// that both created one converge on the oldest.
import { z } from "zod";
import { COMMENT_MARKER } from "../core/render/render-comment.js";
import { statusOf, type GitHubClient, type PullRequestRef } from "./github-client.js";
import { listAllPages } from "./list-all-pages.js";

const issueCommentSchema = z.object({
  id: z.number().int(),
  body: z.string().nullish(),
  user: z.object({ login: z.string(), type: z.string().optional() }).nullable(),
});

export type IssueComment = z.infer<typeof issueCommentSchema>;

export type UpsertAction = "created" | "updated" | "unchanged" | "skipped";

export interface UpsertResult {
  action: UpsertAction;
  /** The comment that now holds the report; null when skipped. */
  commentId: number | null;
  /** Duplicates (ours, from racing runs) that were removed. */
  deleted: number[];
  /** Who we are, when this call learned it (from our own comment); saves asking again. */
  login?: string;
}

export interface CommentPublisher {
  /** Our marker comments, oldest first. */
  listOurs(): Promise<IssueComment[]>;
  /** `create: false` only updates an existing comment (comment: auto while passing). */
  upsert(body: string, options: { create: boolean }): Promise<UpsertResult>;
}

export interface CommentPublisherOptions {
  /** The login the token acts as, or a lazy lookup of it (see createViewerLogin). */
  login: string | (() => Promise<string>);
  marker?: string;
  /** Creates tried before giving up when each answer is lost (5xx) and nothing appears. */
  maxCreates?: number;
  /** Runs before every write; throw to stop it (the head-SHA guard goes here). */
  beforeWrite?: () => Promise<void>;
}

export function createCommentPublisher(
  client: GitHubClient,
  pr: PullRequestRef,
  options: CommentPublisherOptions,
): CommentPublisher {
  const marker = options.marker ?? COMMENT_MARKER;
  const maxCreates = options.maxCreates ?? 2;
  const where = { owner: pr.owner, repo: pr.repo, issue_number: pr.number };
  let knownLogin = typeof options.login === "string" ? options.login : undefined;
  const login = async () =>
    (knownLogin ??= typeof options.login === "string" ? options.login : await options.login());

  const listMarked = () =>
    listAllPages(
      client,
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      where,
      issueCommentSchema,
    ).then((all) =>
      all.filter((c) => (c.body ?? "").startsWith(marker)).sort((a, b) => a.id - b.id),
    );
  // The author is checked only when a marker comment exists, so a first run asks nothing extra.
  const ours = async (marked: IssueComment[]) => {
    if (marked.length === 0) return marked;
    const me = (await login()).toLowerCase();
    return marked.filter((c) => c.user?.login.toLowerCase() === me);
  };
  const listOurs = async () => ours(await listMarked());

  const guard = options.beforeWrite ?? (async () => {});
  const update = async (id: number, body: string) => {
    await guard();
    return client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      owner: pr.owner,
      repo: pr.repo,
      comment_id: id,
      body,
    });
  };
  const remove = async (ids: number[]) => {
    if (ids.length > 0) await guard();
    for (const id of ids) {
      try {
        await client.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          owner: pr.owner,
          repo: pr.repo,
          comment_id: id,
        });
      } catch (error) {
        // Another run may have removed it first.
        if (statusOf(error) !== 404) throw error;
      }
    }
    return ids;
  };

  /** Keeps the oldest of ours with `body` in it, removing the rest. */
  const settle = async (found: IssueComment[], body: string, action: UpsertAction) => {
    const [keep, ...extra] = found;
    if (!keep) return null;
    const deleted = await remove(extra.map((c) => c.id));
    const login = keep.user?.login;
    if ((keep.body ?? "") === body) return { action, commentId: keep.id, deleted, login };
    await update(keep.id, body);
    return {
      action: action === "unchanged" ? "updated" : action,
      commentId: keep.id,
      deleted,
      login,
    };
  };

  const create = async (body: string): Promise<UpsertResult> => {
    await guard();
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await client.request(
          "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
          { ...where, body },
        );
        knownLogin ??= (response.data as IssueComment).user?.login;
        break;
      } catch (error) {
        const status = statusOf(error);
        const lost = status === undefined || status >= 500;
        if (!lost) throw error;
        // The comment may exist although the answer was lost: look before creating again.
        const found = await listOurs();
        const settled = await settle(found, body, "created");
        if (settled) return settled;
        if (attempt >= maxCreates) throw error;
      }
    }
    // Another run may have created one at the same time: keep the oldest, drop the others.
    const settled = await settle(await listOurs(), body, "created");
    return settled ?? { action: "created", commentId: null, deleted: [] };
  };

  return {
    listOurs,
    async upsert(body, { create: mayCreate }) {
      if (!body.startsWith(marker)) throw new Error(`comment body must start with ${marker}`);
      const settled = await settle(await listOurs(), body, "unchanged");
      if (settled) return settled;
      if (!mayCreate) return { action: "skipped", commentId: null, deleted: [] };
      return create(body);
    },
  };
}
