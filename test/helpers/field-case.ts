// Test helper: the field corpus (test/fixtures/field/) — small real projects with the reports real
// coverage tools wrote for them and an independent answer — loaded and turned into git repositories.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { createGitSandbox, type Files, type GitSandbox } from "./git-sandbox.js";

export const FIELD_DIR = resolve(import.meta.dirname, "../fixtures/field");
const BIN = resolve(import.meta.dirname, "../../bin/shipgate.cjs");

export interface FieldUncovered {
  path: string;
  lines: number[];
}

export interface FieldAnswer {
  source: "diff-cover" | "hand-checked";
  /** For hand-checked answers: how the answer was worked out. */
  note?: string;
  coverable: number;
  covered: number;
  uncovered: FieldUncovered[];
}

export interface FieldCase {
  /** The case's folder name. */
  name: string;
  description: string;
  /** Report paths in the repository, as a user passes them with --coverage. */
  reports: string[];
  expect: "figure" | "fail-closed";
  /** fail-closed cases: text the coverage rule's summary or details must include. */
  failReasonIncludes?: string;
  /** fail-closed cases: the changed source files that no report names. */
  unmapped?: string[];
  answer: FieldAnswer | null;
  /** Folder whose base/ and head/ trees this case uses (its own unless `sourcesFrom` says). */
  sourcesDir: string;
  /** Folder holding the committed reports, at their repository paths. */
  reportsDir: string;
}

interface CaseFile {
  description: string;
  sourcesFrom?: string;
  reports: string[];
  expect: FieldCase["expect"];
  failReasonIncludes?: string;
  unmapped?: string[];
  answer: FieldAnswer | null;
}

/**
 * The gate the corpus runs under: coverage at its defaults (min-patch 80, min-coverable-lines 5),
 * every other rule off, so the verdict is the coverage rule's.
 */
export const FIELD_CONFIG = `rules:
  size: { level: "off" }
  rollout-notes: { level: "off" }
  linked-risks: { level: "off" }
  dependencies: { level: "off" }
  focus: { level: "off" }
`;

/** Every case under test/fixtures/field/, sorted by name. */
export function loadFieldCases(dir = FIELD_DIR): FieldCase[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = JSON.parse(readFileSync(join(dir, name, "case.json"), "utf8")) as CaseFile;
      return {
        name,
        description: file.description,
        reports: file.reports,
        expect: file.expect,
        ...(file.failReasonIncludes === undefined
          ? {}
          : { failReasonIncludes: file.failReasonIncludes }),
        ...(file.unmapped === undefined ? {} : { unmapped: file.unmapped }),
        answer: file.answer,
        sourcesDir: join(dir, file.sourcesFrom ?? name),
        reportsDir: join(dir, name, "reports"),
      };
    });
}

export interface FieldRepo extends GitSandbox {
  /** The reports' paths in the working tree, relative to the repository root. */
  reports: string[];
}

/**
 * A git repository for a case: base/ (plus FIELD_CONFIG) committed on `main`, base/ + the head/
 * overlay committed on `feature` (checked out), and the reports written, untracked, into the
 * working tree at their repository paths, where the tools wrote them. `config` is the base
 * commit's `.github/shipgate.yml`.
 */
export function buildFieldRepo(fieldCase: FieldCase, config = FIELD_CONFIG): FieldRepo {
  const sandbox = createGitSandbox();
  sandbox.commit("Base", {
    ...readTree(join(fieldCase.sourcesDir, "base")),
    ".github/shipgate.yml": config,
  });
  sandbox.git(["checkout", "-q", "-b", "feature"]);
  sandbox.commit("Head", readTree(join(fieldCase.sourcesDir, "head")));
  sandbox.write(
    Object.fromEntries(
      fieldCase.reports.map((report) => [report, readFileSync(join(fieldCase.reportsDir, report))]),
    ),
  );
  return { ...sandbox, reports: [...fieldCase.reports] };
}

/** The coverage rule of a JSON verdict, as far as the corpus tests read it. */
export interface FieldCoverageRule {
  status: string;
  summary: string;
  details: string;
  metrics: {
    coverableLines?: number;
    coveredLines?: number;
    uncovered?: FieldUncovered[];
    unmapped?: unknown;
  };
}

export interface FieldCliRun {
  code: number | null;
  stderr: string;
  /** The JSON verdict, as printed. */
  json: string;
  coverage: FieldCoverageRule;
}

/** `shipgate check --format json --base main --coverage <each report>` in the case's repository. */
export function runFieldCli(repo: FieldRepo): FieldCliRun {
  const args = ["check", "--format", "json", "--base", "main"];
  for (const report of repo.reports) args.push("--coverage", report);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: repo.dir,
    env: repo.env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!result.stdout.startsWith("{")) {
    throw new Error(`exit ${result.status}, no JSON verdict; stderr: ${result.stderr}`);
  }
  const json = result.stdout;
  return { code: result.status, stderr: result.stderr, json, coverage: coverageRuleOf(json) };
}

/** The coverage rule's result in a JSON verdict (the CLI's, the Action's or the App's). */
export function coverageRuleOf(json: string): FieldCoverageRule {
  const verdict = JSON.parse(json) as { rules: ({ id: string } & FieldCoverageRule)[] };
  const rule = verdict.rules.find((r) => r.id === "coverage");
  if (rule === undefined) throw new Error(`no coverage rule in ${json}`);
  return rule;
}

/** Every file under `root`, by its path relative to `root` with `/` separators. */
function readTree(root: string): Files {
  const files: Files = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split(sep).join("/")] = readFileSync(path);
    }
  };
  walk(root);
  return files;
}
