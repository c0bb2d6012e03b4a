// The size rule's settings: limits on counted lines and files, and what else not to count.
import { z } from "zod";
import { count, globs, level } from "../../config/schema-parts.js";

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

export type SizeRuleConfig = z.infer<typeof sizeRuleSchema>;
