// The size rule: small, reviewable slices. Counts lines and files changed, minus lockfiles,
// generated and vendored files and the user's `exclude` globs.
import type { SizeRuleConfig } from "./schema.js";
import { createExclusion, type ExclusionReason } from "../../exclude/create-exclusion.js";
import { createGlobMatcher } from "../../exclude/match-glob.js";
import type { PullRequestFacts, RuleStatus } from "../../facts.js";
import { createGroupOf, groupByPackage } from "./group-by-package.js";
import { planSlices } from "./plan-slices.js";
import { measureSize, type SizeMeasure } from "./measure-size.js";
import { renderSizeDetails } from "./render-size-details.js";
import type { Rule, RuleContext } from "../rule.js";
import { sizeBucket } from "./size-bucket.js";

/** `context.isGenerated` decides built-in exclusions; `createExclusion` only names the reason. */
function createExclusionOf(
  facts: PullRequestFacts,
  config: SizeRuleConfig,
  context: RuleContext,
): (path: string) => ExclusionReason | null {
  const builtIn = createExclusion(facts.gitattributes, []);
  const configured = createGlobMatcher(config.exclude);
  return (path) => {
    if (context.isGenerated(path)) return builtIn(path) ?? "generated";
    return configured(path) ? "config" : null;
  };
}

function statusOf(measure: SizeMeasure, config: SizeRuleConfig, truncated: boolean): RuleStatus {
  const files = measure.counted.length;
  if (truncated || measure.lines > config["max-lines"] || files > config["max-files"]) {
    return "fail";
  }
  if (measure.lines > config["warn-lines"] || files > config["warn-files"]) return "warn";
  return measure.notEvaluated.length > 0 ? "warn" : "pass";
}

function summaryOf(
  measure: SizeMeasure,
  config: SizeRuleConfig,
  status: RuleStatus,
  truncated: boolean,
): string {
  const lines = measure.lines;
  const files = measure.counted.length;
  const figure = `${lines} ${lines === 1 ? "line" : "lines"} in ${files} ${files === 1 ? "file" : "files"} (${sizeBucket(lines)})`;
  const limit = `limit ${config["max-lines"]} lines and ${config["max-files"]} files`;
  const unknown =
    measure.notEvaluated.length > 0
      ? `; ${measure.notEvaluated.length} not evaluated (no diff from GitHub), so at least ${lines} lines`
      : "";
  if (truncated) {
    return `Too large to measure: GitHub's file list stops at its cap (${files} files counted so far), ${limit}`;
  }
  if (status === "fail") return `Too large: ${figure}, ${limit}${unknown}`;
  if (measure.lines > config["warn-lines"] || files > config["warn-files"]) {
    return `Getting large: ${figure}, warns above ${config["warn-lines"]} lines or ${config["warn-files"]} files, ${limit}${unknown}`;
  }
  return `${figure}, ${limit}${unknown}`;
}

export const sizeRule: Rule<"size", SizeRuleConfig> = (facts, config, context) => {
  const measure = measureSize(facts.files, createExclusionOf(facts, config, context));
  const truncated = facts.filesTruncated;
  const status = statusOf(measure, config, truncated);
  const overSize =
    measure.lines > config["warn-lines"] || measure.counted.length > config["warn-files"];
  const knownPaths = facts.repoFiles ?? [];
  // Groups and slices place the same files: one index of package roots serves both.
  const groupOf = createGroupOf(measure.counted, knownPaths);
  const groups = groupByPackage(measure.counted, knownPaths, groupOf);
  return {
    id: "size",
    status,
    level: config.level,
    summary: summaryOf(measure, config, status, truncated),
    details: renderSizeDetails({
      measure,
      groups,
      plan: planSlices(measure.counted, knownPaths, groupOf),
      config,
      advise: overSize || truncated,
      truncated,
    }),
    metrics: {
      lines: measure.lines,
      files: measure.counted.length,
      excludedFiles: measure.excluded.length,
      bucket: sizeBucket(measure.lines),
      additions: measure.additions,
      deletions: measure.deletions,
      notEvaluatedFiles: measure.notEvaluated.length,
    },
    findings: [],
  };
};
