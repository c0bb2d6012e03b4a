// The repository's file list, indexed for the lookups path mapping needs: the exact path, and a
// trie of reversed path segments so a suffix lookup costs the query's length, not the number of
// files that share its basename (a monorepo can hold thousands of `src/index.ts`).
import { normalizeCoveragePath, pathSegments } from "./normalize-coverage-path.js";

export interface RepoFile {
  /** The path as the repository lists it. */
  path: string;
  segments: string[];
}

export interface RepoPathIndex {
  size: number;
  /** The repository path for a normalised relative path, if the repository has that file. */
  exact(normalized: string): string | undefined;
  /**
   * The files that can best match one of `queries` (segment lists) by suffix: for each query,
   * every file sharing its longest matched tail, and every file that is itself a tail of it.
   */
  suffixCandidates(queries: readonly (readonly string[])[]): RepoFile[];
}

interface IndexedFile extends RepoFile {
  /** Position in the repository's list, so candidates come in the repository's order. */
  order: number;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** The file whose whole path ends at this node, if any. */
  file?: IndexedFile;
}

export function createRepoPathIndex(repoFiles: readonly string[]): RepoPathIndex {
  const exact = new Map<string, string>();
  for (const path of repoFiles) {
    const normalized = normalizeCoveragePath(path);
    if (normalized !== "" && !exact.has(normalized)) exact.set(normalized, path);
  }
  // Most reports name repository paths as they are: the trie is built on the first path that
  // needs a suffix lookup, not for every run.
  let trie: TrieNode | undefined;
  return {
    size: exact.size,
    exact: (normalized) => exact.get(normalized),
    suffixCandidates: (queries) => {
      trie ??= buildTrie(exact);
      const root = trie;
      const found = new Map<string, IndexedFile>();
      for (const query of queries) {
        let node = root;
        for (let i = query.length - 1; i >= 0; i--) {
          const child = node.children.get(query[i] ?? "");
          if (!child) break;
          node = child;
          if (node.file) found.set(node.file.path, node.file);
        }
        if (node !== root) collect(node, found);
      }
      return [...found.values()].sort((a, b) => a.order - b.order);
    },
  };
}

/** `exact` maps each normalised path to the repository's, in the repository's order. */
function buildTrie(exact: ReadonlyMap<string, string>): TrieNode {
  const root: TrieNode = { children: new Map() };
  let order = 0;
  for (const [normalized, path] of exact) {
    order += 1;
    const segments = pathSegments(normalized);
    let node = root;
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i] ?? "";
      let child = node.children.get(segment);
      if (!child) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.file = { path, segments, order };
  }
  return root;
}

function collect(node: TrieNode, into: Map<string, IndexedFile>): void {
  const stack = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.file) into.set(next.file.path, next.file);
    stack.push(...next.children.values());
  }
}
