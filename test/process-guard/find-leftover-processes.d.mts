// Types for find-leftover-processes.mjs (plain JavaScript: Jest loads it untransformed).
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** The state letter from /proc/<pid>/stat: R, S, D, Z (zombie: exited, not yet collected)… */
  state: string;
  /** Its niceness (-20 to 19). */
  nice: number;
  /** The command line, or the command name in brackets when it has none (a kernel thread). */
  command: string;
}

export function readProcessTable(proc?: string): ProcessEntry[];
export function findDescendants(table: ProcessEntry[], rootPid: number): ProcessEntry[];
export function waitForLeftovers(options?: {
  rootPid?: number;
  before?: Set<number>;
  graceMs?: number;
  readTable?: () => ProcessEntry[];
}): Promise<ProcessEntry[]>;
export function describeLeftover(suite: string, entry: ProcessEntry): string;
