// Builds a synthetic pull request in a temporary git repository: `files` source files changed
// on a feature branch, `linesPerFile` changed lines each, and an LCOV report of
// `recordsPerFile` line records per file. Used by the benchmark.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const BASE_LINES = 40;

function git(dir, ...args) {
  execFileSync("git", ["-C", dir, ...args], { stdio: "pipe", maxBuffer: 1 << 30 });
}

function sourcePath(i) {
  return `packages/pkg${i % 50}/src/dir${i % 7}/file${i}.js`;
}

function writeSources(dir, files, changedLines) {
  for (let i = 0; i < files; i++) {
    const lines = [];
    for (let n = 1; n <= BASE_LINES; n++) {
      const changed = changedLines > 0 && n % Math.floor(BASE_LINES / changedLines) === 0;
      lines.push(changed ? `const v${n} = ${i} + ${n}; // changed` : `const v${n} = ${n};`);
    }
    const path = join(dir, sourcePath(i));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${lines.join("\n")}\n`);
  }
}

function lcovFor(files, recordsPerFile) {
  const out = [];
  for (let i = 0; i < files; i++) {
    out.push("TN:", `SF:${sourcePath(i)}`);
    for (let n = 1; n <= recordsPerFile; n++) out.push(`DA:${n},${(i + n) % 3}`);
    out.push(`LF:${recordsPerFile}`, "end_of_record");
  }
  return `${out.join("\n")}\n`;
}

/** Returns the repository folder; `main` is the base branch, `feature` (checked out) the head. */
export function makeSyntheticRepo({ files, linesPerFile, recordsPerFile, init = null }) {
  const dir = mkdtempSync(join(tmpdir(), "shipgate-bench-"));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "bench@shipgate.invalid");
  git(dir, "config", "user.name", "bench");
  writeSources(dir, files, 0);
  // `init`: the CLI whose `shipgate init` writes the config and the template on the base.
  if (init !== null) execFileSync(process.execPath, [init, "init"], { cwd: dir, stdio: "pipe" });
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  git(dir, "checkout", "-q", "-b", "feature");
  writeSources(dir, files, linesPerFile);
  git(dir, "commit", "-q", "-am", "change every file");
  // A clone is packed; thousands of loose objects would make git, not shipgate, the figure.
  git(dir, "gc", "-q");
  mkdirSync(join(dir, "coverage"));
  writeFileSync(join(dir, "coverage", "lcov.info"), lcovFor(files, recordsPerFile));
  return dir;
}
