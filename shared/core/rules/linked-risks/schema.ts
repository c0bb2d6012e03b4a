// The linked-risks rule's settings: extra reference patterns, the issue label, what is required.
import { z } from "zod";
import { level } from "../../config/schema-parts.js";
import { compileUserPattern } from "./user-pattern.js";

/** A `linked-risks` pattern: RE2 syntax, so that searching a body is linear in its length. */
const userPattern = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    const compiled = compileUserPattern(source);
    if (!compiled.ok) ctx.addIssue({ code: "custom", message: compiled.reason });
  });

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

export type LinkedRisksRuleConfig = z.infer<typeof linkedRisksRuleSchema>;
