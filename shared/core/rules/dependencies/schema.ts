// The dependencies rule's settings: the words that introduce a dependency in the description.
import { z } from "zod";
import { level } from "../../config/schema-parts.js";

export const dependenciesRuleSchema = z
  .object({
    level: level.default("block"),
    keywords: z
      .array(z.string().trim().min(1))
      .default(["depends on", "blocked by", "requires"])
      .describe(
        "Words that introduce dependencies on a line of the description (case-insensitive), e.g. Depends on #12",
      ),
  })
  .strict();

export type DependenciesRuleConfig = z.infer<typeof dependenciesRuleSchema>;
