// The one schema for .github/shipgate.yml: validation, defaults and the published JSON Schema all come from here.
import { z } from "zod";
import { compileUserPattern } from "../rules/user-pattern.js";
import { SOURCE_FILES } from "../rules/source-files.js";

const level = z
  .enum(["block", "warn", "off"])
  .describe("block: a failure fails the gate; warn: a failure is reported only; off: not run");
const globs = z.array(z.string().min(1));
const percent = z.number().min(0).max(100);
const count = z.number().int().min(0);

/** A `linked-risks` pattern: RE2 syntax, so that searching a body is linear in its length. */
const userPattern = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    const compiled = compileUserPattern(source);
    if (!compiled.ok) ctx.addIssue({ code: "custom", message: compiled.reason });
  });

/** Where common tools write reports; when none is there, `missing-report` applies. */
export const DEFAULT_COVERAGE_REPORTS = [
  "coverage/lcov.info",
  "coverage/cobertura-coverage.xml",
  "coverage/clover.xml",
  "coverage/coverage-final.json",
] as const;

export const sizeRuleSchema = z
  .object({
    level: level.default("block"),
    "max-lines": count.default(400).describe("Counted lines above this fail"),
    "warn-lines": count.default(250).describe("Counted lines above this warn"),
    "max-files": count.default(40).describe("Counted files above this fail"),
    "warn-files": count.default(25).describe("Counted files above this warn"),
    exclude: globs
      .default([])
      .describe(
        "gitignore-like globs excluded on top of lockfiles and linguist-generated/vendored",
      ),
  })
  .strict();

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
      .default(256)
      .describe("A report file larger than this (MB) is refused, not read"),
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

const rolloutItem = z.enum(["plan", "rollback", "flag", "monitoring"]);

export const rolloutNotesRuleSchema = z
  .object({
    level: level.default("block"),
    when: z
      .union([
        z.literal("always"),
        z
          .object({
            paths: globs.default([]).describe("Applies when a changed file matches"),
            labels: z.array(z.string()).default([]).describe("Applies when the PR has a label"),
            risk: z.array(z.string()).default([]).describe("Applies at these declared risk levels"),
          })
          .strict(),
      ])
      .default("always")
      .describe('"always", or conditions of which any one makes the rule apply'),
    section: z
      .array(z.string().min(1))
      .min(1)
      .default(["Rollout"])
      .describe("Heading names that start the section"),
    require: z
      .array(rolloutItem)
      .default(["rollback", "monitoring"])
      .describe("Items the section must address"),
    "allow-na": z.boolean().default(true).describe('Accept "N/A: <reason>" for an item'),
    "min-words": count.default(5).describe("Words of real content the section needs"),
  })
  .strict();

export const linkedRisksRuleSchema = z
  .object({
    level: level.default("warn"),
    patterns: z
      .array(userPattern)
      .default([])
      .describe("Extra regular expressions for risk references, e.g. RISK-\\d+"),
    "issue-label": z
      .string()
      .nullable()
      .default(null)
      .describe("A referenced GitHub issue must carry this label"),
    "require-link": z.boolean().default(true),
    "require-level": z.boolean().default(true),
  })
  .strict();

export const rulesSchema = z
  .object({
    size: sizeRuleSchema.prefault({}),
    coverage: coverageRuleSchema.prefault({}),
    "rollout-notes": rolloutNotesRuleSchema.prefault({}),
    "linked-risks": linkedRisksRuleSchema.prefault({}),
  })
  .strict();

/**
 * The same rule settings with no defaults, for risk-level overrides: an override must only
 * change what it names (zod's partial() would still fill in every default).
 */
function overridesOf(schema: z.ZodObject) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
      return [key, (inner as z.ZodType).optional()];
    }),
  );
  return z.object(shape).strict();
}

export const ruleOverridesSchema = z
  .object({
    size: overridesOf(sizeRuleSchema).optional(),
    coverage: overridesOf(coverageRuleSchema).optional(),
    "rollout-notes": overridesOf(rolloutNotesRuleSchema).optional(),
    "linked-risks": overridesOf(linkedRisksRuleSchema).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    extends: z
      .string()
      .optional()
      .describe("Org-wide defaults to start from, e.g. my-org/.github (App only)"),
    rules: rulesSchema.prefault({}),
    risk: z
      .object({
        levels: z.array(z.string().min(1)).min(1).default(["low", "medium", "high"]),
        "label-prefix": z
          .string()
          .default("risk:")
          .describe('A label "risk:high" declares a level'),
      })
      .strict()
      .prefault({}),
    "risk-levels": z
      .record(z.string(), ruleOverridesSchema)
      .default({
        high: { size: { "max-lines": 200 }, coverage: { "min-patch": 90 } },
      })
      .describe("Per declared risk level, stricter rule settings deep-merged over rules"),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type RulesConfig = Config["rules"];
export type SizeRuleConfig = RulesConfig["size"];
export type CoverageRuleConfig = RulesConfig["coverage"];
export type RolloutNotesRuleConfig = RulesConfig["rollout-notes"];
export type LinkedRisksRuleConfig = RulesConfig["linked-risks"];
export type RolloutItem = z.infer<typeof rolloutItem>;
