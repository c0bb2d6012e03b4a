// Reads the coverage reports the workflow produced in the workspace, with the same disk reader
// as the CLI. Reports must lie inside the workspace: what the comment says of a report must not
// quote files elsewhere on the runner.
import type { Config } from "../shared/core/config/config-schema.js";
import type { CoverageFacts } from "../shared/core/types.js";
import { coveragePatterns } from "../shared/node/coverage/coverage-patterns.js";
import { gatherCoverage } from "../shared/node/coverage/gather-coverage.js";

/** The `coverage` input's globs win over the config's `reports`; null when coverage is off. */
export async function gatherWorkspaceCoverage(
  globs: readonly string[],
  config: Config,
  workspace: string,
): Promise<CoverageFacts | null> {
  const rule = config.rules.coverage;
  if (rule.level === "off") return null;
  const { patterns, explicit } = coveragePatterns(rule, globs);
  if (patterns.length === 0) return null;
  return gatherCoverage(patterns, workspace, {
    explicit,
    maxBytes: rule["max-report-mb"] * 1024 * 1024,
    allowOutsideRoot: false,
  });
}
