// Finds, for each merge on the branch, the commits it brought in and the merge base of its two
// parents, from the commit graph alone — so one `git log` pass replaces a `git rev-list` and a
// `git merge-base` per pull request.
//
// Merges are traced oldest first. The commits a merge brings in are those reachable from its
// second parent that are neither on the first-parent line nor brought in by an earlier merge:
// everything older is reachable from its first parent. The walk stops at those commits (the
// boundary). When every boundary commit is on the first-parent line, the newest of them is the
// merge base; otherwise (a branch built on another pull request's branch, or on history outside
// the loaded range) the merge base is left to git.

export interface GraphCommit {
  parents: readonly string[];
  /** Author date, seconds since the epoch. */
  authorTime: number;
}

export interface MergeTrace {
  /** Commits brought in by the merge. */
  commits: number;
  /** Earliest author date among them, or null when there are none. */
  firstAuthorTime: number | null;
  /** The merge base of the first and second parent, or null when git must say. */
  mergeBase: string | null;
}

/**
 * `mainline` is the first-parent line, newest first; `graph` holds every loaded commit. Commits
 * not in `graph` are taken to be reachable from the oldest mainline commit's parent.
 */
export function traceMerges(
  mainline: readonly string[],
  graph: ReadonlyMap<string, GraphCommit>,
): Map<string, MergeTrace> {
  const position = new Map(mainline.map((sha, index) => [sha, index]));
  const claimed = new Set<string>();
  const traces = new Map<string, MergeTrace>();
  for (let index = mainline.length - 1; index >= 0; index -= 1) {
    const sha = mainline[index] as string;
    const commit = graph.get(sha);
    if (commit === undefined || commit.parents.length < 2) continue;
    traces.set(sha, traceOne(commit.parents.slice(1), graph, mainline, position, claimed));
  }
  return traces;
}

function traceOne(
  starts: readonly string[],
  graph: ReadonlyMap<string, GraphCommit>,
  mainline: readonly string[],
  position: ReadonlyMap<string, number>,
  claimed: Set<string>,
): MergeTrace {
  let commits = 0;
  let firstAuthorTime: number | null = null;
  let newestMainline = Number.POSITIVE_INFINITY;
  let elsewhere = false;
  const stack = [...starts];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const onMainline = position.get(sha);
    if (onMainline !== undefined) {
      newestMainline = Math.min(newestMainline, onMainline);
      continue;
    }
    const commit = graph.get(sha);
    if (commit === undefined || claimed.has(sha)) {
      elsewhere = true;
      continue;
    }
    claimed.add(sha);
    commits += 1;
    if (firstAuthorTime === null || commit.authorTime < firstAuthorTime) {
      firstAuthorTime = commit.authorTime;
    }
    for (const parent of commit.parents) stack.push(parent);
  }
  const mergeBase = elsewhere ? null : (mainline[newestMainline] ?? null);
  return { commits, firstAuthorTime, mergeBase };
}
