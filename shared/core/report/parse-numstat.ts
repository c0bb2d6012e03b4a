// Reads `git diff-tree --stdin --always -z --numstat` output as it streams: for each commit
// header, the files it changes with their added and deleted line counts.
import type { SizedFile } from "../rules/size/count-size.js";

export interface NumstatDiff {
  /** The commit named at the start of the input line this diff answers. */
  commit: string;
  files: SizedFile[];
}

export interface NumstatReader {
  push: (chunk: string) => void;
  /** Flushes the last diff; throws when the output stopped inside a record. */
  end: () => void;
}

/**
 * Records are NUL-terminated: a header is a bare object id; a file is `adds\tdels\tpath`, or
 * `adds\tdels\t` followed by the old and new paths for a rename or copy. Binary files say `-`.
 */
export function createNumstatReader(onDiff: (diff: NumstatDiff) => void): NumstatReader {
  let pending = "";
  let current: NumstatDiff | null = null;
  let rename: { file: SizedFile; paths: string[] } | null = null;

  const take = (token: string): void => {
    if (rename !== null) {
      rename.paths.push(token);
      if (rename.paths.length === 2) {
        current?.files.push({ ...rename.file, path: token });
        rename = null;
      }
      return;
    }
    const firstTab = token.indexOf("\t");
    if (firstTab === -1) {
      if (current !== null) onDiff(current);
      current = { commit: token.trim(), files: [] };
      return;
    }
    const secondTab = token.indexOf("\t", firstTab + 1);
    if (current === null || secondTab === -1) {
      throw new Error(`unexpected git numstat record: ${JSON.stringify(token.slice(0, 80))}`);
    }
    const added = token.slice(0, firstTab);
    const deleted = token.slice(firstTab + 1, secondTab);
    const path = token.slice(secondTab + 1);
    const binary = added === "-" && deleted === "-";
    const file: SizedFile = {
      path,
      additions: binary ? 0 : Number(added),
      deletions: binary ? 0 : Number(deleted),
      binary,
    };
    if (path === "") rename = { file, paths: [] };
    else current.files.push(file);
  };

  return {
    push: (chunk) => {
      const tokens = (pending + chunk).split("\0");
      pending = tokens.pop() as string;
      for (const token of tokens) if (token !== "" || rename !== null) take(token);
    },
    end: () => {
      if (pending !== "" || rename !== null) {
        throw new Error("git numstat output ended inside a record");
      }
      if (current !== null) onDiff(current);
      current = null;
    },
  };
}
