// The focus rule's settings: how many areas one change may touch, how much work one author
// keeps open, and how long a pull request may wait.
import { z } from "zod";
import { count, globs, level } from "../../config/schema-parts.js";

export const focusRuleSchema = z
  .object({
    level: level.default("warn"),
    "max-areas": count
      .min(1)
      .default(3)
      .describe("A change touching more top-level areas (packages, directories, `areas`) is mixed"),
    areas: z
      .record(z.string().min(1), globs)
      .default({})
      .describe("Named groups of globs that count as one area each, e.g. { web: [web/**, ui/**] }"),
    "max-open-per-author": count
      .min(1)
      .default(3)
      .describe("The author's open, non-draft pull requests above this are too much at once"),
    "stale-after-days": count
      .min(1)
      .default(14)
      .describe("A pull request open longer than this many days is waiting too long"),
    "review-after-days": count
      .min(1)
      .default(3)
      .describe("A pull request with no review after this many days is waiting for one"),
  })
  .strict();

export type FocusRuleConfig = z.infer<typeof focusRuleSchema>;
