// The rollout-notes rule's settings: when it applies, the section, what it must address.
import * as z from "zod/mini";
import { count, globs, level } from "../../config/schema-parts.js";
import { lazySchema } from "../../config/lazy-schema.js";

const rolloutItem = lazySchema(() => z.enum(["plan", "rollback", "flag", "monitoring"]));

export const rolloutNotesRuleSchema = lazySchema(() =>
  z.strictObject({
    level: z._default(level(), "block"),
    when: z
      ._default(
        z.union([
          z.literal("always"),
          z.strictObject({
            paths: z._default(globs(), []).check(z.describe("Applies when a changed file matches")),
            labels: z
              ._default(z.array(z.string()), [])
              .check(z.describe("Applies when the PR has a label")),
            risk: z
              ._default(z.array(z.string()), [])
              .check(z.describe("Applies at these declared risk levels")),
          }),
        ]),
        "always",
      )
      .check(z.describe('"always", or conditions of which any one makes the rule apply')),
    section: z
      ._default(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)), ["Rollout"])
      .check(z.describe("Heading names that start the section")),
    require: z
      ._default(z.array(rolloutItem()), ["rollback", "monitoring"])
      .check(z.describe("Items the section must address")),
    "allow-na": z
      ._default(z.boolean(), true)
      .check(z.describe('Accept "N/A: <reason>" for an item')),
    "min-words": z
      ._default(count(), 5)
      .check(z.describe("Words of real content the section needs")),
  }),
);

export type RolloutNotesRuleConfig = z.infer<ReturnType<typeof rolloutNotesRuleSchema>>;
export type RolloutItem = z.infer<ReturnType<typeof rolloutItem>>;
