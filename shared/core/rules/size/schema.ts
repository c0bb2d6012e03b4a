// The size rule's settings: limits on counted lines and files, and what else not to count.
import * as z from "zod/mini";
import { count, globs, level } from "../../config/schema-parts.js";
import { lazySchema } from "../../config/lazy-schema.js";

export const sizeRuleSchema = lazySchema(() =>
  z.strictObject({
    level: z._default(level(), "block"),
    "max-lines": z._default(count(), 400).check(z.describe("Counted lines above this fail")),
    "warn-lines": z._default(count(), 250).check(z.describe("Counted lines above this warn")),
    "max-files": z._default(count(), 40).check(z.describe("Counted files above this fail")),
    "warn-files": z._default(count(), 25).check(z.describe("Counted files above this warn")),
    exclude: z
      ._default(globs(), [])
      .check(
        z.describe(
          "gitignore-like globs excluded on top of lockfiles and linguist-generated/vendored",
        ),
      ),
  }),
);

export type SizeRuleConfig = z.infer<ReturnType<typeof sizeRuleSchema>>;
