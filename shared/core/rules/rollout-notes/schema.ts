// The rollout-notes rule's settings: when it applies, the section, what it must address.
import { z } from "zod";
import { count, globs, level } from "../../config/schema-parts.js";

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

export type RolloutNotesRuleConfig = z.infer<typeof rolloutNotesRuleSchema>;
export type RolloutItem = z.infer<typeof rolloutItem>;
