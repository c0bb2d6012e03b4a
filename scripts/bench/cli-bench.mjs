// The core benchmark (issue: shipgate core): the whole `shipgate check` on a synthetic pull
// request, against Debian's diff-cover on the same repository and report, at two sizes.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { makeSyntheticRepo } from "./make-synthetic-repo.mjs";
import { measure, measureInterleaved } from "./measure.mjs";

const CLI = resolve("bin/shipgate.cjs");
const SIZES = [
  { name: "full", files: 5000, linesPerFile: 4, recordsPerFile: 28, runs: 9, diffCoverRuns: 3 },
  { name: "tenth", files: 500, linesPerFile: 4, recordsPerFile: 28, runs: 9, diffCoverRuns: 3 },
  { name: "100 files", files: 100, linesPerFile: 4, recordsPerFile: 28, runs: 9, diffCoverRuns: 5 },
  { name: "10 files", files: 10, linesPerFile: 4, recordsPerFile: 28, runs: 9, diffCoverRuns: 5 },
  // As in a repository that ran `shipgate init`: the commented config it writes, on the base.
  {
    name: "10 files, with the config `shipgate init` writes",
    files: 10,
    linesPerFile: 4,
    recordsPerFile: 28,
    runs: 9,
    diffCoverRuns: 5,
    init: CLI,
  },
];

// A machine may set NODE_EXTRA_CA_CERTS (this one does, to a bundle of ~140 certificates): every
// Node process then parses that file as it starts, before any of its code runs, ~40 ms here;
// Python does not. The figures are taken as the machine is, and again without the variable.
const EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS || null;
const WITHOUT_EXTRA_CA_CERTS = { NODE_EXTRA_CA_CERTS: "" };

function hasDiffCover() {
  try {
    execFileSync("diff-cover", ["--version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

export function benchCli() {
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
    // A first run writes the caches; the figures are of the runs after it.
    measure("node", args, { cwd: repo, runs: 1 });
    const withDiffCover = hasDiffCover();
    const [shipgate, noCache, ...others] = measureInterleaved([
      { command: "node", args, cwd: repo, runs: size.runs },
      // A first run, or one with the caches turned off, compiles the check command.
      { command: "node", args, cwd: repo, runs: 5, env: { NODE_DISABLE_COMPILE_CACHE: "1" } },
      ...(withDiffCover
        ? [
            {
              command: "diff-cover",
              args: ["coverage/lcov.info", "--compare-branch=main", "--json-report", "dc.json"],
              cwd: repo,
              runs: size.diffCoverRuns,
            },
          ]
        : []),
      ...(EXTRA_CA_CERTS
        ? [{ command: "node", args, cwd: repo, runs: size.runs, env: WITHOUT_EXTRA_CA_CERTS }]
        : []),
    ]);
    const diffCover = withDiffCover ? others.shift() : null;
    const withoutCerts = others.shift() ?? null;
    rows.push({ size, shipgate, noCache, diffCover, withoutCerts });
    rmSync(repo, { recursive: true, force: true });
  }
  return rows;
}

/** The file and the chunks it imports statically (what a process reads before it starts). */
function loadedAtStart(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  for (const match of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?"(\.{1,2}\/[^"]+)"/g)) {
    loadedAtStart(join(dirname(file), match[1]), seen);
  }
  return seen;
}

function bundleSize(file, chunks) {
  if (!existsSync(file)) return { file, bytes: null };
  const sum = (files) => [...files].reduce((total, f) => total + statSync(f).size, 0);
  const chunkFiles = existsSync(chunks)
    ? readdirSync(chunks)
        .filter((name) => /\.[cm]?js$/.test(name))
        .map((name) => join(chunks, name))
    : [];
  // The Action's check is a chunk; the CLI's is one CommonJS file (loaded with a V8 code cache).
  const checkChunk = chunkFiles.find((f) => /\/run-check-[^/]+$/.test(f));
  return {
    file,
    bytes: statSync(file).size,
    atStart: sum(loadedAtStart(file)),
    all: sum([file, ...chunkFiles]),
    // The CLI's `check` reads its command chunk and what that imports, on top of the entry.
    check: checkChunk ? sum(loadedAtStart(checkChunk, loadedAtStart(file))) : null,
  };
}

/** Bundle sizes and start-up: `shipgate --help` against an empty `node -e ""`. */
export function benchStartup() {
  const runs = 15;
  const cwd = process.cwd();
  const [help, empty, emptyWithoutCerts = null] = measureInterleaved([
    { command: "node", args: [CLI, "--help"], cwd, runs },
    { command: "node", args: ["-e", ""], cwd, runs },
    ...(EXTRA_CA_CERTS
      ? [{ command: "node", args: ["-e", ""], cwd, runs, env: WITHOUT_EXTRA_CA_CERTS }]
      : []),
  ]);
  const sizes = [
    { ...bundleSize(".bench/dist/index.js", ".bench/dist/chunks"), file: "dist/index.js" },
    bundleSize("build/cli.cjs", "build/cli-chunks"),
  ];
  return { help, empty, emptyWithoutCerts, runs, sizes };
}

export function printStartup({ help, empty, emptyWithoutCerts, runs, sizes }) {
  console.log("\n## Bundles and start-up");
  const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
  for (const { file, bytes, atStart, all, check } of sizes) {
    if (bytes === null) {
      console.log(`- ${file}: not built`);
      continue;
    }
    const parts = [`loaded at start with its static imports ${mb(atStart)}`];
    if (check !== null) parts.push(`\`check\` loads ${mb(check)}`);
    parts.push(`all chunks ${mb(all)}`);
    console.log(`- ${file}: ${mb(bytes)} (${parts.join("; ")})`);
  }
  console.log(
    `- shipgate --help: median ${help.medianMs.toFixed(0)} ms; node -e "": ${empty.medianMs.toFixed(0)} ms (${runs} runs each); ratio ${(help.medianMs / empty.medianMs).toFixed(2)}`,
  );
  if (help.medianCpuMs !== null && empty.medianCpuMs !== null) {
    console.log(
      `  CPU time: --help ${help.medianCpuMs.toFixed(0)} ms; node -e "": ${empty.medianCpuMs.toFixed(0)} ms; ratio ${(help.medianCpuMs / empty.medianCpuMs).toFixed(2)}`,
    );
  }
  if (emptyWithoutCerts) {
    console.log(
      `- node -e "" without NODE_EXTRA_CA_CERTS (set here to ${EXTRA_CA_CERTS}): median ${emptyWithoutCerts.medianMs.toFixed(0)} ms, so ${(empty.medianMs - emptyWithoutCerts.medianMs).toFixed(0)} ms of every Node start here is reading those certificates`,
    );
  }
}

export function printCliBench(rows) {
  console.log("\n## shipgate check on a synthetic pull request (packed git repository)");
  for (const { size, shipgate, noCache, diffCover, withoutCerts } of rows) {
    const label = `${size.name}: ${size.files} files, ${size.files * size.linesPerFile} changed lines, ${size.files * size.recordsPerFile} LCOV line records`;
    console.log(`- ${label}`);
    console.log(
      `  shipgate check: median ${shipgate.medianMs.toFixed(0)} ms over ${size.runs} runs, peak RSS ${shipgate.peakRssMb?.toFixed(0) ?? "?"} MB (exit ${shipgate.status})`,
    );
    if (noCache) {
      console.log(
        `  without the code cache (NODE_DISABLE_COMPILE_CACHE=1, as a first run): median ${noCache.medianMs.toFixed(0)} ms over 5 runs`,
      );
    }
    if (diffCover) {
      console.log(
        `  diff-cover:     median ${diffCover.medianMs.toFixed(0)} ms over ${size.diffCoverRuns} runs`,
      );
      console.log(
        `  ratio:          diff-cover time / shipgate time = ${(diffCover.medianMs / shipgate.medianMs).toFixed(1)}`,
      );
      if (shipgate.medianCpuMs !== null && diffCover.medianCpuMs !== null) {
        console.log(
          `  CPU time:       shipgate ${shipgate.medianCpuMs.toFixed(0)} ms, diff-cover ${diffCover.medianCpuMs.toFixed(0)} ms (with git); ratio ${(diffCover.medianCpuMs / shipgate.medianCpuMs).toFixed(1)}`,
        );
      }
    } else {
      console.log("  diff-cover:     not installed (apt-get install diff-cover)");
    }
    if (withoutCerts) {
      const ratio = diffCover
        ? `; ratio ${(diffCover.medianMs / withoutCerts.medianMs).toFixed(1)}`
        : "";
      console.log(
        `  without NODE_EXTRA_CA_CERTS (set here to ${EXTRA_CA_CERTS}): shipgate median ${withoutCerts.medianMs.toFixed(0)} ms${ratio}`,
      );
    }
  }
  if (rows.length >= 2) {
    const [full, tenth] = rows;
    console.log(
      `- scaling: 10x the input costs ${(full.shipgate.medianMs / tenth.shipgate.medianMs).toFixed(1)}x the time (including ~constant process start-up)`,
    );
  }
}
