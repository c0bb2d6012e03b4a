// Adds up how often each branch of each line was taken, over every record of one file, the way
// `lcov -a` merges tracefiles; a line with a branch never taken is partial.

export interface BranchTally {
  /** `branch` identifies the branch within its line (for LCOV, `block,branch`). */
  add(line: number, branch: string, taken: number): void;
  /** Lines where some branch was never taken. */
  partialLines(): number[];
}

export function createBranchTally(): BranchTally {
  const byLine = new Map<number, Map<string, number>>();
  return {
    add(line, branch, taken) {
      let branches = byLine.get(line);
      if (branches === undefined) byLine.set(line, (branches = new Map()));
      branches.set(branch, (branches.get(branch) ?? 0) + taken);
    },
    partialLines() {
      const partial: number[] = [];
      for (const [line, branches] of byLine) {
        for (const taken of branches.values()) {
          if (taken === 0) {
            partial.push(line);
            break;
          }
        }
      }
      return partial;
    },
  };
}
