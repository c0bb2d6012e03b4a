// The CI artifact the App reads coverage from, when the config names one and coverage is judged.
import type { ConfigResult } from "../../shared/core/config/parse-config.js";
import type { CoverageArtifact } from "../../shared/core/mark-coverage-pending.js";

export function coverageArtifact(result: ConfigResult): CoverageArtifact | null {
  if (!result.ok) return null;
  const coverage = result.config.rules.coverage;
  return coverage.level === "off" ? null : coverage.artifact;
}
