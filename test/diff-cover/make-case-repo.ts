// Test helper: turns a coverage case into a real git repository (a base commit on `main`, a
// `feature` branch with the change checked out) and coverage reports written outside it.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { coverageFromSource, type LineRecord } from "./coverage-from-source.js";
import { toCobertura, toLcov, type ReportEntry } from "./write-coverage-report.js";

/** Path → text; `null` deletes the file. */
export type Files = Record<string, string | null>;

export interface ReportSpec {
  format: "lcov" | "cobertura";
  /** Which head files the report measures; default: every file with coverage markers. */
  include?: (path: string) => boolean;
  /** The path the report writes for a repository path; default: the repository path. */
  pathFor?: (path: string, repoDir: string) => string;
  /** LCOV: write lcov 2.x records (`VER`, `FNL`, `FNA`). */
  lcov2?: boolean;
  /** Cobertura: a `<source>` root, given the repository directory. */
  sourceRoot?: (repoDir: string) => string;
  /** Rewrites hit counts, e.g. so two reports each cover part of the lines. */
  hits?: (record: LineRecord, path: string) => number;
}

export interface CoverageCase {
  name: string;
  base: Files;
  head: Files;
  /** `git mv` before `head` is applied: [from, to]. */
  renames?: [string, string][];
  /** A commit on `main` after the branch point, which the three-dot diff must ignore. */
  mainAfter?: Files;
  reports: ReportSpec[];
}

export interface CaseRepo {
  dir: string;
  reportFiles: string[];
  git: (args: string[]) => string;
}

/** Keeps the machine's git config out, so every run sees the same defaults. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    HOME: home,
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.com",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.com",
  };
}

export function makeCaseRepo(testCase: CoverageCase, root: string): CaseRepo {
  const dir = join(root, "repo");
  mkdirSync(dir, { recursive: true });
  const git = (args: string[]): string =>
    execFileSync("git", args, { cwd: dir, env: gitEnv(root), encoding: "utf8" });

  git(["init", "-q", "-b", "main"]);
  commit(dir, git, testCase.base, "base");
  git(["checkout", "-q", "-b", "feature"]);
  for (const [from, to] of testCase.renames ?? []) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    renameSync(join(dir, from), join(dir, to));
  }
  commit(dir, git, testCase.head, "change");
  if (testCase.mainAfter !== undefined) {
    git(["checkout", "-q", "main"]);
    commit(dir, git, testCase.mainAfter, "main moves on");
    git(["checkout", "-q", "feature"]);
  }

  const headFiles = git(["ls-files", "-z"]).split("\0").filter(Boolean).sort();
  const measured = headFiles
    .map((path) => ({ path, records: coverageFromSource(readFileSync(join(dir, path), "utf8")) }))
    .filter((entry) => entry.records.length > 0);
  const reportFiles = testCase.reports.map((spec, index) => {
    const entries: ReportEntry[] = measured
      .filter((entry) => spec.include?.(entry.path) ?? true)
      .map(({ path, records }) => ({
        path: spec.pathFor?.(path, dir) ?? path,
        records: records.map((record) => ({
          ...record,
          hits: spec.hits?.(record, path) ?? record.hits,
        })),
      }));
    const file = join(
      root,
      spec.format === "lcov" ? `lcov-${index}.info` : `coverage-${index}.xml`,
    );
    const sources = spec.sourceRoot ? [spec.sourceRoot(dir)] : [];
    writeFileSync(
      file,
      spec.format === "lcov"
        ? toLcov(entries, { lcov2: spec.lcov2 })
        : toCobertura(entries, { sources }),
    );
    return file;
  });
  return { dir, reportFiles, git };
}

function commit(dir: string, git: (args: string[]) => string, files: Files, message: string): void {
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, path);
    if (text === null) {
      unlinkSync(file);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  git(["add", "-A"]);
  git(["commit", "-q", "--allow-empty", "-m", message]);
}
