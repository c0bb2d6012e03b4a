// What the core attack tests share: the CLI as users run it (`node bin/shipgate.cjs`, loading the
// bundle build/cli.cjs) in its own process on a throwaway repository, timed, with its peak memory
// read by the process itself when it exits (a preloaded module writes process.resourceUsage()).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { makeGitRepo, type TestRepo } from "../cli/make-git-repo.js";

export const MB = 1024 * 1024;
const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/shipgate.cjs");
const PEAK_RSS =
  "data:text/javascript," +
  encodeURIComponent(
    'import { writeFileSync } from "node:fs";' +
      'process.on("exit", () => writeFileSync(process.env.SHIPGATE_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));',
  );

export interface CheckRun {
  /** Exit code, or null when the process was killed at the time limit. */
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the CLI process, in MB (NaN when it did not exit on its own). */
  peakRssMb: number;
}

/** A repository on `feature` with one changed line and the given .github/shipgate.yml. */
export function makeCheckRepo(config: string): TestRepo {
  return makeGitRepo({ ".github/shipgate.yml": config, "a.txt": "a\n" }, { "a.txt": "a\nb\n" });
}

/** `shipgate check --format json --body-file <body>` in `repo`, killed after `timeoutMs`. */
export function runCheck(
  repo: TestRepo,
  body: string | Buffer,
  options: { args?: string[]; timeoutMs?: number } = {},
): CheckRun {
  const dir = mkdtempSync(join(tmpdir(), "shipgate-attack-"));
  try {
    const bodyFile = join(dir, "body.md");
    const rssFile = join(dir, "peak-rss");
    writeFileSync(bodyFile, body);
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        PEAK_RSS,
        BIN,
        "check",
        "--base",
        "main",
        "--format",
        "json",
        "--body-file",
        bodyFile,
        ...(options.args ?? []),
      ],
      {
        cwd: repo.dir,
        env: { ...repo.env, SHIPGATE_PEAK_RSS_FILE: rssFile },
        encoding: "utf8",
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * MB,
      },
    );
    const ms = performance.now() - started;
    let peakRssMb = Number.NaN;
    try {
      peakRssMb = Number(readFileSync(rssFile, "utf8")) / 1024;
    } catch {
      // Killed at the time limit: no figure.
    }
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms, peakRssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface VerdictJson {
  conclusion: string;
  riskLevel: string | null;
  notes: string[];
  rules: { id: string; status: string; summary: string; details: string }[];
}

/** The verdict a run printed, and one rule of it. */
export function verdictOf(run: CheckRun): VerdictJson {
  return JSON.parse(run.stdout) as VerdictJson;
}

export function ruleOf(run: CheckRun, id: string): VerdictJson["rules"][number] {
  const rule = verdictOf(run).rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no ${id} rule in ${run.stdout}`);
  return rule;
}
