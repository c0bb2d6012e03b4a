// Puts dependencies in the order they must merge, and finds a cycle (A needs B needs A). What an
// item depends on in turn comes from its own description, which arrived with the one read the
// item already cost; nothing further is read. So the graph is this pull request, the items it
// names, and the edges between them: a cycle through an item it does not name (A → B → C → A,
// with C named only by B) is beyond that bound and not seen.

export interface DependencyOrder {
  /** The dependencies, each after those it needs (ties keep the order of the description). */
  order: string[];
  /** A cycle as a path that ends where it starts (`[A, B, A]`), or null. */
  cycle: string[] | null;
}

/**
 * `self` is this pull request (`owner/repo#7`), when known; `deps` are its dependencies in order of
 * appearance; `needs` maps a dependency to what its own description says it depends on.
 * References compare ignoring case.
 */
export function orderDependencies(
  self: string | null,
  deps: readonly string[],
  needs: ReadonlyMap<string, readonly string[]>,
): DependencyOrder {
  const key = (ref: string) => ref.toLowerCase();
  const known = new Map(deps.map((ref) => [key(ref), ref]));
  if (self !== null) known.set(key(self), self);
  const edges = new Map<string, string[]>();
  const addEdges = (from: string, to: readonly string[]) =>
    edges.set(key(from), [
      ...(edges.get(key(from)) ?? []),
      ...to.map(key).filter((k) => known.has(k)),
    ]);
  for (const ref of deps) addEdges(ref, needs.get(key(ref)) ?? []);
  // A pull request naming itself is a cycle of one.
  if (self !== null) addEdges(self, deps);

  const starts = self === null ? deps.map(key) : [key(self), ...deps.map(key)];
  const found = findCycle(starts, edges);
  return {
    order: mergeOrder(deps.map(key), edges).map((k) => known.get(k) ?? k),
    cycle: found === null ? null : found.map((k) => known.get(k) ?? k),
  };
}

/** Depth-first, iteratively (a hostile body cannot blow the stack); the first back edge wins. */
function findCycle(
  starts: readonly string[],
  edges: ReadonlyMap<string, string[]>,
): string[] | null {
  const done = new Set<string>();
  for (const start of starts) {
    if (done.has(start)) continue;
    const path: string[] = [start];
    const onPath = new Set([start]);
    const next: number[] = [0];
    while (path.length > 0) {
      const node = path[path.length - 1] as string;
      const targets = edges.get(node) ?? [];
      const i = next[next.length - 1] as number;
      if (i >= targets.length) {
        done.add(node);
        onPath.delete(node);
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const target = targets[i] as string;
      if (onPath.has(target)) return [...path.slice(path.indexOf(target)), target];
      if (done.has(target)) continue;
      path.push(target);
      onPath.add(target);
      next.push(0);
    }
  }
  return null;
}

/** Kahn's order, stable: the first dependency (by appearance) whose needs are all placed goes next. */
function mergeOrder(deps: readonly string[], edges: ReadonlyMap<string, string[]>): string[] {
  const inDeps = new Set(deps);
  const placed = new Set<string>();
  const order: string[] = [];
  while (order.length < deps.length) {
    const ready =
      deps.find(
        (d) =>
          !placed.has(d) &&
          (edges.get(d) ?? []).every((n) => placed.has(n) || !inDeps.has(n) || n === d),
      ) ?? deps.find((d) => !placed.has(d)); // a cycle: keep the description's order
    if (ready === undefined) break;
    placed.add(ready);
    order.push(ready);
  }
  return order;
}
