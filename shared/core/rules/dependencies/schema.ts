// The dependencies rule's settings: the words that introduce a dependency in the description.
import * as z from "zod/mini";
import { level } from "../../config/schema-parts.js";
import { lazySchema } from "../../config/lazy-schema.js";

export const dependenciesRuleSchema = lazySchema(() =>
  z.strictObject({
    level: z._default(level(), "block"),
    keywords: z
      ._default(z.array(z.string().check(z.trim(), z.minLength(1))), [
        "depends on",
        "blocked by",
        "requires",
      ])
      .check(
        z.describe(
          "Words that introduce dependencies on a line of the description (case-insensitive), e.g. Depends on #12",
        ),
      ),
  }),
);

export type DependenciesRuleConfig = z.infer<ReturnType<typeof dependenciesRuleSchema>>;
