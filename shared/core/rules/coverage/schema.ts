// The coverage rule's settings: where reports are, the minimums, what counts as source.
import { z } from "zod";
import { count, globs, level, percent } from "../../config/schema-parts.js";
import { SOURCE_FILES } from "./source-files.js";

/** Where common tools write reports; when none is there, `missing-report` applies. */
export const DEFAULT_COVERAGE_REPORTS = [
  "coverage/lcov.info",
  "coverage/cobertura-coverage.xml",
  "coverage/clover.xml",
  "coverage/coverage-final.json",
] as const;

export const coverageRuleSchema = z
  .object({
    level: level.default("block"),
    reports: globs
      .default([...DEFAULT_COVERAGE_REPORTS])
      .describe("Coverage report files or globs, relative to the repository root"),
    "min-patch": percent
      .default(80)
      .describe("Minimum % of changed coverable lines executed by tests"),
    "min-coverable-lines": count
      .default(5)
      .describe("Below this many changed coverable lines, pass with a note"),
    "min-project": percent
      .nullable()
      .default(null)
      .describe("Minimum % line coverage of the whole report; null disables"),
    "missing-report": z
      .enum(["fail", "warn", "skip"])
      .default("warn")
      .describe(
        "What to do when no report was given or found (a report that was given but cannot be used always fails)",
      ),
    "partial-branches": z
      .enum(["covered", "uncovered"])
      .default("covered")
      .describe("How a line whose branches were only partly taken counts (diff-cover: covered)"),
    include: globs
      .default([...SOURCE_FILES])
      .describe(
        "Changed files that are source: each must be in a coverage report (gitignore-like globs)",
      ),
    exclude: globs
      .default([])
      .describe(
        "Changed files whose coverage is not judged, on top of tests, examples, docs, scripts and config",
      ),
    "max-report-mb": z
      .number()
      .positive()
      .max(512)
      .default(256)
      .describe("A report file larger than this (MB, at most 512) is refused, not read"),
    artifact: z
      .object({
        workflow: z.string().min(1).describe("Workflow file name, e.g. ci.yml"),
        name: z.string().min(1).default("coverage").describe("Artifact name"),
      })
      .strict()
      .nullable()
      .default(null)
      .describe("GitHub App only: the CI workflow artifact that carries the coverage reports"),
  })
  .strict();

export type CoverageRuleConfig = z.infer<typeof coverageRuleSchema>;
