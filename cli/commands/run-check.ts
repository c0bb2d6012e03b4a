// `shipgate check`: gathers facts from git and disk, evaluates them with the base branch's
// config, prints the verdict, and exits 1 when the gate fails.
import path from "node:path";
import { formatConfigError } from "../../shared/core/config/config-error.js";
import type { Config } from "../../shared/core/config/config-schema.js";
import { parseConfig } from "../../shared/core/config/parse-config.js";
import { evaluate } from "../../shared/core/evaluate.js";
import type { CoverageFacts, PullRequestFacts } from "../../shared/core/types.js";
import { coveragePatterns } from "../../shared/node/coverage/coverage-patterns.js";
import type { CheckCommand } from "../args.js";
import { cliError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { parseConfigCached, type ConfigCache } from "../config-cache.js";
import { defaultCacheDir, scriptIdentity } from "../load-cached-script.js";
import { gatherCoverage } from "../../shared/node/coverage/gather-coverage.js";
import { describeEmptyRange } from "../git/describe-empty-range.js";
import { CONFIG_PATH } from "../git/read-base-files.js";
import { changesConfig } from "../git/read-changes.js";
import { renderVerdict } from "../render-verdict.js";
import { startCheck, type StartedCheck } from "./start-check.js";

export async function runCheck(
  command: CheckCommand,
  io: CliIo,
  started: StartedCheck = startCheck(command, io),
): Promise<number> {
  const [repo, body, configFromDisk] = await Promise.all([
    started.repo,
    started.body,
    started.configFromDisk,
  ]);
  const { changes, stack } = started;
  const baseFiles = await started.baseFiles;

  const configFile = command.config ?? CONFIG_PATH;
  const parsed = parseConfigCached(
    command.config === null ? baseFiles.config : configFromDisk,
    configFile,
    configCache(io.env),
    parseConfig,
  );
  if (!parsed.ok) {
    for (const error of parsed.errors) io.stderr(`${formatConfigError(error)}\n`);
    const where = command.config === null ? ` at ${repo.base.ref} (the base branch)` : "";
    throw cliError(`invalid configuration in ${configFile}${where}; fix it there and run again`);
  }
  for (const warning of parsed.warnings) {
    io.stderr(`shipgate: warning: ${configFile}: ${warning}\n`);
  }
  if (parsed.config.extends !== undefined) {
    io.stderr(
      `shipgate: warning: ${configFile}: extends is applied by the GitHub App only; the CLI uses this file alone\n`,
    );
  }
  const config = withCoverageReports(parsed.config, command.coverage);
  const coverage = await readCoverage(config, command.coverage, repo.root, io.cwd);
  const { files, repoFiles, goModules } = await changes;

  const facts: PullRequestFacts = {
    repository: repo.repository,
    number: null,
    title: command.title ?? baseFiles.headCommit.subject,
    body: body ?? baseFiles.headCommit.body,
    labels: command.labels,
    author: baseFiles.headCommit.authorName,
    base: repo.base,
    head: repo.head,
    files,
    filesTruncated: false,
    // Without GitHub nobody can check that a referenced item exists.
    linkedItems: null,
    coverage,
    gitattributes: baseFiles.gitattributes,
    pullRequestTemplate: baseFiles.pullRequestTemplate,
    repoFiles,
    goModules,
    // With --config the gate uses that file, so the branch's own config change is beside the point.
    configChanged: command.config === null && changesConfig(files),
    // A base branch other than the default may be another pull request's head: not verified.
    stack: parsed.config.rules.dependencies.level === "off" ? null : await stack,
  };

  const evaluated = evaluate(facts, config);
  // Head adds nothing to base only when the diff is empty: one git call fewer on every other run.
  const note = files.length === 0 ? await describeEmptyRange(repo) : null;
  // Only the CLI can run on a branch with nothing ahead of its base: the note is its own.
  const verdict = note === null ? evaluated : { ...evaluated, notes: [...evaluated.notes, note] };
  const output = renderVerdict(verdict, command.format, { color: io.isTTY && !io.env.NO_COLOR });
  io.stdout(output.endsWith("\n") ? output : `${output}\n`);
  return verdict.conclusion === "failure" ? 1 : 0;
}

/**
 * Where the bundled CLI keeps validated configs (cli/config-cache.ts): there this file is one
 * CommonJS script whose name, size and times name the build. Run from the sources, nothing is kept.
 */
function configCache(env: Record<string, string | undefined>): ConfigCache | null {
  const dir = defaultCacheDir(env);
  const build = typeof __filename === "string" ? scriptIdentity(__filename) : null;
  return dir === null || build === null ? null : { dir, build };
}

/** Reads the reports; a `--coverage` path with nothing there is a usage error (exit 2). */
async function readCoverage(
  config: Config,
  given: string[],
  root: string,
  cwd: string,
): Promise<CoverageFacts | null> {
  const rule = config.rules.coverage;
  const { patterns, explicit } = coveragePatterns(rule, given);
  if (patterns.length === 0 || rule.level === "off") return null;
  const coverage = await gatherCoverage(patterns, root, {
    explicit,
    maxBytes: rule["max-report-mb"] * 1024 * 1024,
    allowOutsideRoot: true,
  });
  const missing = coverage.errors.filter(
    (error) => given.includes(error.source) && error.message === "no such file",
  );
  if (missing.length > 0) {
    const names = missing.map((error) => error.source).join(", ");
    throw cliError(
      `--coverage ${names}: no such file (paths are relative to the repository root ${path.relative(cwd, root) || "."})`,
    );
  }
  return coverage;
}

/** --coverage replaces `rules.coverage.reports`, so messages name the reports looked for. */
function withCoverageReports(config: Config, reports: string[]): Config {
  if (reports.length === 0) return config;
  const coverage = { ...config.rules.coverage, reports };
  return { ...config, rules: { ...config.rules, coverage } };
}
