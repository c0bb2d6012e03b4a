// The linked-risks rule's settings: extra reference patterns, the issue label, what is required.
import * as z from "zod/mini";
import { level } from "../../config/schema-parts.js";
import { lazySchema } from "../../config/lazy-schema.js";
import { compileUserPattern } from "./user-pattern.js";

/** A `linked-risks` pattern: RE2 syntax, so that searching a body is linear in its length. */
const userPattern = lazySchema(() =>
  z.string().check(
    z.minLength(1),
    z.superRefine((source, ctx) => {
      const compiled = compileUserPattern(source);
      if (!compiled.ok) ctx.addIssue({ code: "custom", message: compiled.reason });
    }),
  ),
);

export const linkedRisksRuleSchema = lazySchema(() =>
  z.strictObject({
    level: z._default(level(), "warn"),
    patterns: z
      ._default(z.array(userPattern()), [])
      .check(z.describe("Extra regular expressions for risk references, e.g. RISK-\\d+")),
    "issue-label": z
      ._default(z.nullable(z.string()), null)
      .check(z.describe("A referenced GitHub issue must carry this label")),
    "require-link": z._default(z.boolean(), true),
    "require-level": z._default(z.boolean(), true),
  }),
);

export type LinkedRisksRuleConfig = z.infer<ReturnType<typeof linkedRisksRuleSchema>>;
