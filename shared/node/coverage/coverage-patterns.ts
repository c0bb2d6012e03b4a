// Which report patterns a run uses, and whether the user named them (then a literal path with
// nothing there is an error, not "no report").
import {
  DEFAULT_COVERAGE_REPORTS,
  type CoverageRuleConfig,
} from "../../core/config/config-schema.js";

export interface CoveragePatterns {
  patterns: string[];
  explicit: boolean;
}

/** `given` (--coverage, the `coverage` input) wins over the config's `reports`. */
export function coveragePatterns(
  rule: CoverageRuleConfig,
  given: readonly string[],
): CoveragePatterns {
  if (given.length > 0) return { patterns: [...given], explicit: true };
  const defaults: readonly string[] = DEFAULT_COVERAGE_REPORTS;
  const isDefault =
    rule.reports.length === defaults.length &&
    rule.reports.every((pattern, i) => pattern === defaults[i]);
  return { patterns: rule.reports, explicit: !isDefault };
}
