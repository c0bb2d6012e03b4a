// Shared record types for the GitHub simulator's in-memory state.

export type AccountType = "User" | "Bot" | "Organization";

/** Who a request acts as; comments, reviews and check runs record it. */
export interface Identity {
  login: string;
  type: AccountType;
}

/** Repository roles, as GitHub's role_name reports them. */
export type RepoRole = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface PrFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  additions: number;
  deletions: number;
  sha: string;
  patch?: string;
  previousFilename?: string;
  /** Head-side (RIGHT) lines a review comment may target. */
  right: Set<number>;
  /** Base-side (LEFT) lines a review comment may target. */
  left: Set<number>;
  /** Lines in the patch after its first hunk header: the range of legacy `position`. */
  positions: number;
}

export type IssueStateReason = "completed" | "not_planned" | "reopened";

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason?: IssueStateReason;
  labels: string[];
  user: Identity;
  createdAt: string;
  updatedAt: string;
  pull?: PullRecord;
}

export interface PullRecord {
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  draft: boolean;
  merged: boolean;
  files: PrFile[];
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface RepoRecord {
  owner: string;
  name: string;
  id: number;
  ownerType: AccountType;
  defaultBranch: string;
  private: boolean;
  createdAt: string;
  /** ref (branch or sha) -> path -> file text */
  files: Map<string, Map<string, string>>;
  issues: Map<number, IssueRecord>;
  labels: Map<string, LabelRecord>;
  roles: Map<string, RepoRole>;
}

interface InRepo {
  owner: string;
  repo: string;
}

export interface CommentRecord extends InRepo {
  id: number;
  issueNumber: number;
  body: string;
  user: Identity;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewRecord extends InRepo {
  id: number;
  pullNumber: number;
  user: Identity;
  body: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "PENDING";
  commitId: string;
  submittedAt: string;
}

export interface ReviewCommentRecord extends InRepo {
  id: number;
  reviewId: number;
  pullNumber: number;
  path: string;
  body: string;
  side: "LEFT" | "RIGHT";
  line?: number;
  startLine?: number;
  position?: number;
  commitId: string;
  user: Identity;
  createdAt: string;
}

export interface AppInfo {
  id: number;
  slug: string;
  name: string;
  owner: string;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
  start_column?: number;
  end_column?: number;
}

export interface CheckRunRecord extends InRepo {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Annotation[];
  app: AppInfo;
}

export interface ArtifactRecord extends InRepo {
  id: number;
  runId: number;
  name: string;
  data: Buffer;
  expired: boolean;
  createdAt: string;
}

export interface WorkflowRunRecord extends InRepo {
  id: number;
  /** The workflow file, e.g. `.github/workflows/shipgate.yml`. */
  path: string;
  workflowId: number;
  headSha: string;
  headBranch: string;
  event: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  createdAt: string;
  /** How many times it was re-run through the API. */
  reruns: number;
}

export interface InstallationRecord {
  id: number;
  account: string;
  accountType: AccountType;
  /** Repository names the installation covers; undefined means all of the account's. */
  repositories?: string[];
}
