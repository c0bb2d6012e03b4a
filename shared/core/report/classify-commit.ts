// Tells from a first-parent commit's parents and message how it reached the branch: a GitHub
// merge commit, a squash merge, another merge, or a direct push.

export type CommitKind =
  | { kind: "merge"; number: number; title: string }
  | { kind: "squash"; number: number; title: string }
  | { kind: "other-merge" }
  | { kind: "direct" };

// GitHub writes "Merge pull request #N from owner/branch", and the title as the body's first line.
const MERGE_SUBJECT = /^Merge pull request #(\d{1,9}) from (\S+)/;
// GitHub's squash merge appends " (#N)" to the title; the last one is the pull request's.
// Anchored at the end only, so a long subject costs linear time.
const SQUASH_SUFFIX = /\s\(#(\d{1,9})\)$/;

export function classifyCommit(parentCount: number, subject: string, body: string): CommitKind {
  if (parentCount >= 2) {
    const merge = parentCount === 2 ? MERGE_SUBJECT.exec(subject) : null;
    if (merge === null) return { kind: "other-merge" };
    const title = body.split("\n").find((line) => line.trim() !== "");
    return {
      kind: "merge",
      number: Number(merge[1]),
      title: title?.trim() ?? (merge[2] as string),
    };
  }
  const squash = SQUASH_SUFFIX.exec(subject);
  const title = squash === null ? "" : subject.slice(0, squash.index).trim();
  if (squash === null || Number(squash[1]) === 0 || title === "") return { kind: "direct" };
  return { kind: "squash", number: Number(squash[1]), title };
}
