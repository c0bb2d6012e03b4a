// The coverage rule's settings: where reports are, the minimums, what counts as source.
import * as z from "zod/mini";
import { count, globs, level, percent } from "../../config/schema-parts.js";
import { lazySchema } from "../../config/lazy-schema.js";
import { SOURCE_FILES } from "./source-files.js";

/** Where common tools write reports; when none is there, `missing-report` applies. */
export const DEFAULT_COVERAGE_REPORTS = [
  "coverage/lcov.info",
  "coverage/cobertura-coverage.xml",
  "coverage/clover.xml",
  "coverage/coverage-final.json",
] as const;

export const coverageRuleSchema = lazySchema(() =>
  z.strictObject({
    level: z._default(level(), "block"),
    reports: z
      ._default(globs(), [...DEFAULT_COVERAGE_REPORTS])
      .check(z.describe("Coverage report files or globs, relative to the repository root")),
    "min-patch": z
      ._default(percent(), 80)
      .check(z.describe("Minimum % of changed coverable lines executed by tests")),
    "min-coverable-lines": z
      ._default(count(), 5)
      .check(z.describe("Below this many changed coverable lines, pass with a note")),
    "min-project": z
      ._default(z.nullable(percent()), null)
      .check(z.describe("Minimum % line coverage of the whole report; null disables")),
    "missing-report": z
      ._default(z.enum(["fail", "warn", "skip"]), "warn")
      .check(
        z.describe(
          "What to do when no report was given or found (a report that was given but cannot be used always fails)",
        ),
      ),
    "partial-branches": z
      ._default(z.enum(["covered", "uncovered"]), "covered")
      .check(
        z.describe("How a line whose branches were only partly taken counts (diff-cover: covered)"),
      ),
    include: z
      ._default(globs(), [...SOURCE_FILES])
      .check(
        z.describe(
          "Changed files that are source: each must be in a coverage report (gitignore-like globs)",
        ),
      ),
    exclude: z
      ._default(globs(), [])
      .check(
        z.describe(
          "Changed files whose coverage is not judged, on top of tests, examples, docs, scripts and config",
        ),
      ),
    "max-report-mb": z
      ._default(z.number().check(z.positive(), z.maximum(512)), 256)
      .check(z.describe("A report file larger than this (MB, at most 512) is refused, not read")),
    artifact: z
      ._default(
        z.nullable(
          z.strictObject({
            workflow: z
              .string()
              .check(z.minLength(1), z.describe("Workflow file name, e.g. ci.yml")),
            name: z
              ._default(z.string().check(z.minLength(1)), "coverage")
              .check(z.describe("Artifact name")),
          }),
        ),
        null,
      )
      .check(
        z.describe("GitHub App only: the CI workflow artifact that carries the coverage reports"),
      ),
  }),
);

export type CoverageRuleConfig = z.infer<ReturnType<typeof coverageRuleSchema>>;
