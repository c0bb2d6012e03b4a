// Reads the coverage reports the workflow produced in the workspace, with the same disk reader
// as the CLI.
import { gatherCoverage } from "../shared/node/coverage/gather-coverage.js";
import type { Config } from "../shared/core/config/config-schema.js";
import type { CoverageFacts } from "../shared/core/types.js";

/** The `coverage` input's globs win over the config's `reports`; null when coverage is off. */
export async function gatherWorkspaceCoverage(
  globs: readonly string[],
  config: Config,
  workspace: string,
): Promise<CoverageFacts | null> {
  const rule = config.rules.coverage;
  if (rule.level === "off") return null;
  const patterns = globs.length > 0 ? globs : rule.reports;
  if (patterns.length === 0) return null;
  return gatherCoverage(patterns, workspace);
}
