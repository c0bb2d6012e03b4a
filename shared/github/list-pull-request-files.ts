// Lists a pull request's changed files, 100 per page, up to GitHub's cap of 3,000. Pages are
// fetched in parallel when the file count is known from the pull request.
import { z } from "zod";
import type { ChangedFile } from "../core/types.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { readHunkSpans, type LineSpan } from "./read-hunk-spans.js";
import { parseAnswer } from "./parse-answer.js";
import {
  apiPullRequestFileSchema,
  toChangedFile,
  type ApiPullRequestFile,
} from "./to-changed-file.js";

/** GitHub's "list pull request files" returns at most this many files. */
export const MAX_LISTED_FILES = 3000;
const PER_PAGE = 100;
const MAX_PAGES = MAX_LISTED_FILES / PER_PAGE;
const ROUTE = "GET /repos/{owner}/{repo}/pulls/{pull_number}/files";
const pageSchema = z.array(apiPullRequestFileSchema).max(PER_PAGE);

export interface ListedFiles {
  files: ChangedFile[];
  /** The pull request has more files than the API lists. */
  truncated: boolean;
  /** Per path, the head-side spans of its hunks: where review comments may go. */
  hunkSpans: Map<string, LineSpan[]>;
}

/** `changedFiles` is the pull request's `changed_files`, when known. */
export async function listPullRequestFiles(
  client: GitHubClient,
  pr: PullRequestRef,
  changedFiles?: number,
): Promise<ListedFiles> {
  const fetchPage = async (page: number): Promise<ApiPullRequestFile[]> => {
    const response = await client.request(ROUTE, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: PER_PAGE,
      page,
    });
    return parseAnswer(response, ROUTE, pageSchema, "a page of the pull request's files");
  };

  const entries: ApiPullRequestFile[] = [];
  if (changedFiles !== undefined) {
    const pages = Math.min(MAX_PAGES, Math.max(1, Math.ceil(changedFiles / PER_PAGE)));
    const results = await Promise.all(Array.from({ length: pages }, (_, i) => fetchPage(i + 1)));
    entries.push(...results.flat());
  }
  // Keep reading while pages come back full: without a count, and also with one, since the count
  // comes from the event payload and files may have been pushed since (a stale count must not
  // silently drop files). A count that fills its last page exactly costs one empty page.
  let page = Math.ceil(entries.length / PER_PAGE);
  while (entries.length === page * PER_PAGE && page < MAX_PAGES) {
    const next = await fetchPage(++page);
    entries.push(...next);
    if (next.length < PER_PAGE) break;
  }

  const listed = entries.slice(0, MAX_LISTED_FILES);
  const files = listed.map(toChangedFile);
  const hunkSpans = new Map(
    listed.map((entry) => [entry.filename, entry.patch ? readHunkSpans(entry.patch) : []]),
  );
  const truncated =
    files.length >= MAX_LISTED_FILES || (changedFiles !== undefined && changedFiles > files.length);
  return { files, truncated, hunkSpans };
}
