// Finds the processes a test suite started and left running: the descendants of the process that
// ran the suite (the Jest process in band, a Jest worker otherwise), read from /proc. Plain
// JavaScript, because Jest loads the test environment that uses it without transforming it.
import { readFileSync, readdirSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Every process this user can see, from /proc; an empty list where there is no /proc (macOS,
 * Windows), where the guard then finds nothing.
 * @returns {import("./find-leftover-processes.d.mts").ProcessEntry[]}
 */
export function readProcessTable(proc = "/proc") {
  let names;
  try {
    names = readdirSync(proc);
  } catch {
    return [];
  }
  const table = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`${proc}/${name}/stat`, "utf8");
      // The command name (in parentheses) may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmdline = readFileSync(`${proc}/${name}/cmdline`, "utf8");
      const command = cmdline.split("\0").filter(Boolean).join(" ");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      table.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        state: fields[0] ?? "?",
        nice: Number(fields[16]),
        command: command || `[${comm}]`,
      });
    } catch {
      // The process exited while the table was read.
    }
  }
  return table;
}

/**
 * The processes below `rootPid` (children, their children…) that are still running: zombies,
 * which have exited and only wait for their parent to collect their exit code, are left out.
 */
export function findDescendants(table, rootPid) {
  const children = new Map();
  for (const entry of table) {
    const siblings = children.get(entry.ppid) ?? [];
    siblings.push(entry);
    children.set(entry.ppid, siblings);
  }
  const found = [];
  const visit = (pid) => {
    for (const child of children.get(pid) ?? []) {
      if (child.pid === rootPid) continue;
      if (child.state !== "Z" && child.state !== "X") found.push(child);
      visit(child.pid);
    }
  };
  visit(rootPid);
  return found.sort((a, b) => a.pid - b.pid);
}

/**
 * The descendants of `rootPid` not in `before` that are still running after `graceMs`: a process
 * the suite stopped (SIGTERM sent, exit not awaited) gets that long to finish exiting.
 */
export async function waitForLeftovers({
  rootPid = process.pid,
  before = new Set(),
  graceMs = 2000,
  readTable = readProcessTable,
} = {}) {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const left = findDescendants(readTable(), rootPid).filter((entry) => !before.has(entry.pid));
    if (left.length === 0 || Date.now() >= deadline) return left;
    await sleep(50);
  }
}

/** One line for a leftover process: which suite left it, what it runs, and what to do. */
export function describeLeftover(suite, entry) {
  const command = entry.command.length > 300 ? `${entry.command.slice(0, 300)}…` : entry.command;
  return (
    `${suite} left a process running after it finished: pid ${entry.pid} (parent ${entry.ppid}): ` +
    `${command}. Stop what the suite starts and await its exit (afterAll, afterEach or a ` +
    `finally), so a failing test cleans up too; the guard has now killed it.`
  );
}
