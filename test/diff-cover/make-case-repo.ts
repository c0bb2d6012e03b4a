// Test helper: turns a coverage case into a real git repository (a base commit on `main`, a
// `feature` branch with the change checked out) and coverage reports written outside it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createGitSandbox } from "../helpers/git-sandbox.js";
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
  /** The environment git runs with in this repository. */
  env: Record<string, string | undefined>;
  reportFiles: string[];
  git: (args: string[]) => string;
}

export function makeCaseRepo(testCase: CoverageCase, root: string): CaseRepo {
  const sandbox = createGitSandbox(join(root, "repo"));
  const { dir, git, commit } = sandbox;
  commit("base", testCase.base);
  git(["checkout", "-q", "-b", "feature"]);
  for (const [from, to] of testCase.renames ?? []) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    renameSync(join(dir, from), join(dir, to));
  }
  commit("change", testCase.head);
  if (testCase.mainAfter !== undefined) {
    git(["checkout", "-q", "main"]);
    commit("main moves on", testCase.mainAfter);
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
  return { dir, env: sandbox.env, reportFiles, git };
}
