// The simulator's in-memory GitHub: repositories and everything hanging off them. Tests seed it
// through the add*/set* helpers and inspect the public arrays directly.
import * as seeds from "./seed-records.js";
import type { IssueSeed, PullSeed, RepoSeed } from "./seed-records.js";
import type * as T from "./types.js";

export interface SimState {
  /** Keyed by lower-case "owner/repo"; GitHub matches names case-insensitively. */
  repos: Map<string, T.RepoRecord>;
  comments: T.CommentRecord[];
  reviews: T.ReviewRecord[];
  reviewComments: T.ReviewCommentRecord[];
  checkRuns: T.CheckRunRecord[];
  artifacts: T.ArtifactRecord[];
  workflowRuns: T.WorkflowRunRecord[];
  installations: T.InstallationRecord[];
  /** Adds (or updates) a repository; other seeding helpers add missing repositories themselves. */
  addRepo(owner: string, repo: string, seed?: RepoSeed): T.RepoRecord;
  repo(owner: string, repo: string): T.RepoRecord | undefined;
  /** Seeds a file at a ref, which may be a branch name or a commit sha. */
  setFile(owner: string, repo: string, ref: string, path: string, text: string): void;
  addIssue(owner: string, repo: string, seed?: IssueSeed): T.IssueRecord;
  /** Adds a pull request (also an issue, sharing its number, as on GitHub). */
  addPullRequest(owner: string, repo: string, seed?: PullSeed): T.IssueRecord;
  addComment(
    owner: string,
    repo: string,
    issue: number,
    body: string,
    user?: string | T.Identity,
  ): T.CommentRecord;
  commentsOn(owner: string, repo: string, issue: number): T.CommentRecord[];
  setRole(owner: string, repo: string, username: string, role: T.RepoRole): void;
  addInstallation(seed: {
    account: string;
    id?: number;
    accountType?: T.AccountType;
    repositories?: string[];
  }): T.InstallationRecord;
  addArtifact(
    owner: string,
    repo: string,
    runId: number,
    seed: { name: string; data: Buffer | string; expired?: boolean },
  ): T.ArtifactRecord;
  /** A workflow run of `path` (`.github/workflows/x.yml`), completed successfully by default. */
  addWorkflowRun(
    owner: string,
    repo: string,
    seed: { path: string; headSha: string; headBranch?: string; event?: string } & Partial<
      Pick<T.WorkflowRunRecord, "status" | "conclusion">
    >,
  ): T.WorkflowRunRecord;
  nextId(): number;
  /** The clock, formatted as GitHub formats timestamps (no milliseconds). */
  now(): string;
}

export function createState(clock: () => Date = () => new Date()): SimState {
  let lastId = 1000;
  const nextId = () => ++lastId;
  const now = () =>
    clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  const key = (owner: string, repo: string) => `${owner}/${repo}`.toLowerCase();

  const state: SimState = {
    repos: new Map(),
    comments: [],
    reviews: [],
    reviewComments: [],
    checkRuns: [],
    artifacts: [],
    workflowRuns: [],
    installations: [],
    nextId,
    now,
    repo: (owner, repo) => state.repos.get(key(owner, repo)),
    addRepo(owner, repo, seed = {}) {
      const existing = state.repo(owner, repo);
      if (existing) {
        const defined = Object.entries(seed).filter(([, value]) => value !== undefined);
        return Object.assign(existing, Object.fromEntries(defined));
      }
      const record = seeds.repoFromSeed(owner, repo, seed, nextId(), now());
      state.repos.set(key(owner, repo), record);
      return record;
    },
    setFile(owner, repo, ref, path, text) {
      const files = state.addRepo(owner, repo).files;
      const tree = files.get(ref) ?? new Map<string, string>();
      files.set(ref, tree.set(path.replace(/^\/+/, ""), text));
    },
    addIssue(owner, repo, seed = {}) {
      const record = state.addRepo(owner, repo);
      const number = seed.number ?? Math.max(0, ...record.issues.keys()) + 1;
      const issue = seeds.issueFromSeed(number, seed, nextId(), now());
      record.issues.set(number, issue);
      for (const name of issue.labels) seeds.ensureLabel(record, name, nextId);
      return issue;
    },
    addPullRequest(owner, repo, seed = {}) {
      const issue = state.addIssue(owner, repo, { title: "A pull request", ...seed });
      issue.pull = seeds.pullFromSeed(seed, issue.id, state.addRepo(owner, repo).defaultBranch);
      return issue;
    },
    addComment(owner, repo, issueNumber, body, user = "octocat") {
      const at = now();
      const comment = {
        id: nextId(),
        owner,
        repo,
        issueNumber,
        body,
        user: seeds.asIdentity(user),
        createdAt: at,
        updatedAt: at,
      };
      state.comments.push(comment);
      return comment;
    },
    commentsOn: (owner, repo, issue) =>
      state.comments.filter(
        (c) => key(c.owner, c.repo) === key(owner, repo) && c.issueNumber === issue,
      ),
    setRole(owner, repo, username, role) {
      state.addRepo(owner, repo).roles.set(username.toLowerCase(), role);
    },
    addInstallation(seed) {
      const record = {
        ...seed,
        id: seed.id ?? nextId(),
        accountType: seed.accountType ?? "Organization",
      };
      state.installations.push(record);
      return record;
    },
    addWorkflowRun(owner, repo, seed) {
      state.addRepo(owner, repo);
      const run: T.WorkflowRunRecord = {
        id: nextId(),
        owner,
        repo,
        path: seed.path,
        workflowId: 500 + [...seed.path].reduce((sum, ch) => sum + ch.charCodeAt(0), 0),
        headSha: seed.headSha,
        headBranch: seed.headBranch ?? "feature",
        event: seed.event ?? "pull_request",
        status: seed.status ?? "completed",
        conclusion:
          seed.conclusion ??
          (seed.status === undefined || seed.status === "completed" ? "success" : null),
        createdAt: now(),
        reruns: 0,
      };
      state.workflowRuns.push(run);
      return run;
    },
    addArtifact(owner, repo, runId, seed) {
      state.addRepo(owner, repo);
      const data = typeof seed.data === "string" ? Buffer.from(seed.data) : seed.data;
      const artifact = {
        id: nextId(),
        owner,
        repo,
        runId,
        name: seed.name,
        data,
        expired: seed.expired ?? false,
        createdAt: now(),
      };
      state.artifacts.push(artifact);
      return artifact;
    },
  };
  return state;
}
