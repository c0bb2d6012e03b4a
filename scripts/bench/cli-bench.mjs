// The core benchmark (issue: shipgate core): the whole `shipgate check` on a synthetic pull
// request, against Debian's diff-cover on the same repository and report, at two sizes.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { makeSyntheticRepo } from "./make-synthetic-repo.mjs";
import { measure } from "./measure.mjs";

const CLI = resolve("bin/shipgate.mjs");
const SIZES = [
  { name: "full", files: 5000, linesPerFile: 4, recordsPerFile: 28, runs: 9, diffCoverRuns: 3 },
  { name: "tenth", files: 500, linesPerFile: 4, recordsPerFile: 28, runs: 9, diffCoverRuns: 3 },
  { name: "100 files", files: 100, linesPerFile: 4, recordsPerFile: 28, runs: 9, diffCoverRuns: 5 },
  { name: "10 files", files: 10, linesPerFile: 4, recordsPerFile: 28, runs: 9, diffCoverRuns: 5 },
];

function hasDiffCover() {
  try {
    execFileSync("diff-cover", ["--version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

export function benchCli() {
  if (!existsSync("build/cli.mjs"))
    execFileSync("node", ["scripts/build.mjs"], { stdio: "inherit" });
  const rows = [];
  for (const size of SIZES) {
    const repo = makeSyntheticRepo(size);
    const args = [
      CLI,
      "check",
      "--base",
      "main",
      "--coverage",
      "coverage/lcov.info",
      "--format",
      "json",
      "--body",
      "bench",
    ];
    const shipgate = measure("node", args, { cwd: repo, runs: size.runs });
    const diffCover = hasDiffCover()
      ? measure(
          "diff-cover",
          ["coverage/lcov.info", "--compare-branch=main", "--json-report", "dc.json"],
          { cwd: repo, runs: size.diffCoverRuns },
        )
      : null;
    rows.push({ size, shipgate, diffCover });
    rmSync(repo, { recursive: true, force: true });
  }
  return rows;
}

/** Bundle sizes and start-up: `shipgate --help` against an empty `node -e ""`. */
export function benchStartup() {
  const runs = 15;
  const help = measure("node", [CLI, "--help"], { cwd: process.cwd(), runs });
  const empty = measure("node", ["-e", ""], { cwd: process.cwd(), runs });
  const sizes = ["dist/index.js", "build/cli.mjs"].map((file) => ({
    file,
    bytes: existsSync(file) ? statSync(file).size : null,
  }));
  return { help, empty, runs, sizes };
}

export function printStartup({ help, empty, runs, sizes }) {
  console.log("\n## Bundles and start-up");
  for (const { file, bytes } of sizes) {
    console.log(`- ${file}: ${bytes === null ? "not built" : `${(bytes / 1e6).toFixed(2)} MB`}`);
  }
  console.log(
    `- shipgate --help: median ${help.medianMs.toFixed(0)} ms; node -e "": ${empty.medianMs.toFixed(0)} ms (${runs} runs each); ratio ${(help.medianMs / empty.medianMs).toFixed(2)}`,
  );
}

export function printCliBench(rows) {
  console.log("\n## shipgate check on a synthetic pull request (packed git repository)");
  for (const { size, shipgate, diffCover } of rows) {
    const label = `${size.name}: ${size.files} files, ${size.files * size.linesPerFile} changed lines, ${size.files * size.recordsPerFile} LCOV line records`;
    console.log(`- ${label}`);
    console.log(
      `  shipgate check: median ${shipgate.medianMs.toFixed(0)} ms over ${size.runs} runs, peak RSS ${shipgate.peakRssMb?.toFixed(0) ?? "?"} MB (exit ${shipgate.status})`,
    );
    if (diffCover) {
      console.log(
        `  diff-cover:     median ${diffCover.medianMs.toFixed(0)} ms over ${size.diffCoverRuns} runs`,
      );
      console.log(
        `  ratio:          diff-cover time / shipgate time = ${(diffCover.medianMs / shipgate.medianMs).toFixed(1)}`,
      );
    } else {
      console.log("  diff-cover:     not installed (apt-get install diff-cover)");
    }
  }
  if (rows.length >= 2) {
    const [full, tenth] = rows;
    console.log(
      `- scaling: 10x the input costs ${(full.shipgate.medianMs / tenth.shipgate.medianMs).toFixed(1)}x the time (including ~constant process start-up)`,
    );
  }
}
