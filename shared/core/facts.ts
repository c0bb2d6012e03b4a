// The plain data a rule reads and writes: facts in, one rule's outcome out. No behaviour here,
// and no import of the rule list, so a rule can use these types without an import cycle;
// types.ts binds them to the rule ids.

/** How git (or the API) says a file changed. `binary` is a flag on top of the status. */
export type FileStatus = "added" | "modified" | "deleted" | "renamed" | "copied" | "mode-only";

export interface ChangedFile {
  /** Head-side path; for a deletion, the base-side path. Repository-relative, forward slashes. */
  path: string;
  /** Base-side path for renames and copies. */
  previousPath?: string;
  status: FileStatus;
  binary: boolean;
  additions: number;
  deletions: number;
  /** Head-side line numbers that were added or changed, ascending, unique. */
  addedLines: number[];
  /** The API gave no patch (too large or binary): the file could not be evaluated line by line. */
  patchMissing?: boolean;
}

export type CoverageFormat = "lcov" | "cobertura" | "clover" | "jacoco" | "istanbul" | "go";

/** One file's line records as a report wrote them. */
export interface FileCoverage {
  /** The path as written in the report (possibly absolute, package-relative, with backslashes). */
  path: string;
  /** line number -> hit count, for every executable line the report records. */
  lines: Map<number, number>;
  /** Lines whose branches were only partly taken. */
  partialLines: Set<number>;
}

/** One parsed coverage report. */
export interface CoverageReport {
  /** The report's file name, as the adapter found it (for messages). */
  source: string;
  format: CoverageFormat;
  files: FileCoverage[];
  /** Cobertura `<source>` roots (and similar): prefixes to strip when mapping paths. */
  sourceRoots: string[];
  /** Line records read (LCOV DA lines, XML line elements, Go blocks, Istanbul statements). */
  recordsUsed: number;
  /** Records that could not be used and were skipped; the rest of the report still counts. */
  recordsSkipped: number;
  /** Why the first skipped record was skipped, with its position in the report. */
  firstSkipped: string | null;
}

/** A Go module of the repository: where its go.mod is, and the module path it declares. */
export interface GoModule {
  /** Repository-relative folder of the go.mod; "" at the root. */
  dir: string;
  /** The `module` path, e.g. `github.com/google/uuid`. */
  module: string;
}

/** A report the adapter could not use, and why; the other reports are still used. */
export interface CoverageReportError {
  source: string;
  message: string;
}

export interface CoverageFacts {
  reports: CoverageReport[];
  errors: CoverageReportError[];
}

/** What an adapter could verify about an item referenced from the PR body. */
export interface LinkedItemFacts {
  /** Canonical reference, `owner/repo#12`. */
  ref: string;
  exists: boolean;
  state?: "open" | "closed";
  labels?: string[];
  title?: string;
  url?: string;
  /** The item is a pull request (else an issue). */
  pullRequest?: boolean;
  /** For a pull request: whether it was merged. */
  merged?: boolean;
  /** For a closed issue: why GitHub says it was closed (`completed`, `not_planned`), if it says. */
  stateReason?: string | null;
  /** Its description, which came with the same read: what it depends on in turn. */
  body?: string;
}

/**
 * Whether the pull request is stacked: its base branch is the head branch of another open pull
 * request in the repository, which must merge first.
 */
export interface StackFacts {
  /** The pull request's base branch. */
  base: string;
  /** The open pull requests whose head branch is `base` (none: not stacked); null when unknown. */
  pullRequests: LinkedItemFacts[] | null;
}

/**
 * How the pull request is flowing, as only GitHub knows it. Each figure is null when unknown
 * (the CLI, or a read that failed): rules say "not verified" for it, never guess.
 */
export interface FlowFacts {
  /** When these facts were read (ISO 8601): the "now" that waiting times are measured to. */
  at: string;
  /** The author's open, non-draft pull requests in the repository, this one included. */
  authorOpenPullRequests: number | null;
  /** When the pull request was opened (ISO 8601). */
  createdAt: string | null;
  /** The first review: `{ at: null }` when there is none yet; null when unknown. */
  firstReview: { at: string | null } | null;
  /**
   * The figures left unknown because GitHub did not answer their read (an error, a rate limit, a
   * deadline), as opposed to unknown by design (the CLI; more open pull requests than are read).
   */
  unread?: readonly FlowFigure[];
}

export type FlowFigure = "authorOpenPullRequests" | "firstReview";

export interface GitRef {
  ref: string;
  sha: string;
}

/** Everything a rule may look at. Rules never fetch. */
export interface PullRequestFacts {
  /** `owner/repo` when known: `#12` in the body means this repository. */
  repository: string | null;
  number: number | null;
  title: string;
  body: string;
  labels: string[];
  author: string;
  base: GitRef;
  head: GitRef;
  files: ChangedFile[];
  /** The API stopped listing files at its cap: the list is incomplete. */
  filesTruncated: boolean;
  /** Null when nobody could verify linked items (the CLI). */
  linkedItems: LinkedItemFacts[] | null;
  /** Null when coverage was not gathered. */
  coverage: CoverageFacts | null;
  /** `.gitattributes` at the base ref, if any. */
  gitattributes: string | null;
  /** `.github/pull_request_template.md` at the base ref, if any. */
  pullRequestTemplate: string | null;
  /** Every file path at head (for mapping coverage paths), or null when unknown. */
  repoFiles: string[] | null;
  /** The Go modules at head (from every go.mod), for mapping import paths; null when unknown. */
  goModules: GoModule[] | null;
  /** The PR changes the gate's own config file; the change is reported, not applied. */
  configChanged: boolean;
  /** Work in progress and waiting times; absent or null when unknown (the CLI). */
  flow?: FlowFacts | null;
  /** Absent or null: not stacked (the base is the default branch) or not asked for. */
  stack?: StackFacts | null;
}

export type RuleStatus = "pass" | "warn" | "fail" | "skip" | "pending";
export type Level = "block" | "warn" | "off";

/** A finding tied to lines of a file (annotations, review comments), by the rule `Id`. */
export interface RuleFinding<Id extends string> {
  rule: Id;
  path: string;
  startLine: number;
  endLine: number;
  severity: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

/** What one rule concluded; types.ts names it `RuleResult` for any rule. */
export interface RuleOutcome<Id extends string> {
  id: Id;
  status: RuleStatus;
  level: Level;
  /** One line with the measured figure and the limit. */
  summary: string;
  /** Markdown that tells the author how to fix it. Already escaped where it quotes user text. */
  details: string;
  metrics: Record<string, unknown>;
  findings: RuleFinding<Id>[];
}
