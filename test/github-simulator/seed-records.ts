// Turns the seeds tests pass to state.add*() into stored records, filling GitHub-like defaults.
import { fakeSha, toPrFile, type PrFileSeed } from "./to-pr-file.js";
import type * as T from "./types.js";

export interface RepoSeed {
  defaultBranch?: string;
  private?: boolean;
  ownerType?: T.AccountType;
}

export interface IssueSeed {
  number?: number;
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  /** Why a closed issue was closed, as GitHub's `state_reason`; default none. */
  stateReason?: T.IssueStateReason;
  labels?: string[];
  /** Login (a "[bot]" suffix makes it a Bot) or a full identity; default "octocat". */
  user?: string | T.Identity;
  /** When it was opened, as GitHub writes it (`2024-05-01T10:00:00Z`); default the clock's now. */
  createdAt?: string;
}

export interface PullSeed extends IssueSeed {
  head?: { ref?: string; sha?: string };
  base?: { ref?: string; sha?: string };
  draft?: boolean;
  merged?: boolean;
  files?: PrFileSeed[];
}

export function asIdentity(user: string | T.Identity): T.Identity {
  return typeof user === "string"
    ? { login: user, type: user.endsWith("[bot]") ? "Bot" : "User" }
    : user;
}

export function repoFromSeed(
  owner: string,
  name: string,
  seed: RepoSeed,
  id: number,
  at: string,
): T.RepoRecord {
  return {
    owner,
    name,
    id,
    ownerType: seed.ownerType ?? "Organization",
    defaultBranch: seed.defaultBranch ?? "main",
    private: seed.private ?? false,
    createdAt: at,
    files: new Map(),
    issues: new Map(),
    labels: new Map(),
    roles: new Map(),
  };
}

export function issueFromSeed(
  number: number,
  seed: IssueSeed,
  id: number,
  at: string,
): T.IssueRecord {
  return {
    number,
    id,
    title: seed.title ?? `Issue ${number}`,
    body: seed.body ?? null,
    state: seed.state ?? "open",
    ...(seed.stateReason === undefined ? {} : { stateReason: seed.stateReason }),
    labels: [...(seed.labels ?? [])],
    user: asIdentity(seed.user ?? "octocat"),
    createdAt: seed.createdAt ?? at,
    updatedAt: seed.createdAt ?? at,
  };
}

export function pullFromSeed(seed: PullSeed, issueId: number, defaultBranch: string): T.PullRecord {
  return {
    head: {
      ref: seed.head?.ref ?? `feature-${issueId}`,
      sha: seed.head?.sha ?? fakeSha(`head:${issueId}`),
    },
    base: {
      ref: seed.base?.ref ?? defaultBranch,
      sha: seed.base?.sha ?? fakeSha(`base:${issueId}`),
    },
    draft: seed.draft ?? false,
    merged: seed.merged ?? false,
    files: (seed.files ?? []).map(toPrFile),
  };
}

/** Adds a label to the repository's catalogue if missing, as GitHub does when labelling. */
export function ensureLabel(repo: T.RepoRecord, name: string, nextId: () => number): T.LabelRecord {
  const found = repo.labels.get(name.toLowerCase());
  if (found) return found;
  // "" rather than null: pull-request-simple declares label descriptions non-nullable.
  const label = { id: nextId(), name, color: "ededed", description: "" };
  repo.labels.set(name.toLowerCase(), label);
  return label;
}
