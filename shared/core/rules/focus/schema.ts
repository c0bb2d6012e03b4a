// The focus rule's settings: how many areas one change may touch, how much work one author
// keeps open, and how long a pull request may wait.
import * as z from "zod/mini";
import { count, globs, level } from "../../config/schema-parts.js";
import { lazySchema } from "../../config/lazy-schema.js";

export const focusRuleSchema = lazySchema(() =>
  z.strictObject({
    level: z._default(level(), "warn"),
    "max-areas": z
      ._default(count().check(z.minimum(1)), 3)
      .check(
        z.describe(
          "A change touching more top-level areas (packages, directories, `areas`) is mixed",
        ),
      ),
    areas: z
      ._default(z.record(z.string().check(z.minLength(1)), globs()), {})
      .check(
        z.describe(
          "Named groups of globs that count as one area each, e.g. { web: [web/**, ui/**] }",
        ),
      ),
    "max-open-per-author": z
      ._default(count().check(z.minimum(1)), 3)
      .check(
        z.describe("The author's open, non-draft pull requests above this are too much at once"),
      ),
    "stale-after-days": z
      ._default(count().check(z.minimum(1)), 14)
      .check(z.describe("A pull request open longer than this many days is waiting too long")),
    "review-after-days": z
      ._default(count().check(z.minimum(1)), 3)
      .check(z.describe("A pull request with no review after this many days is waiting for one")),
  }),
);

export type FocusRuleConfig = z.infer<ReturnType<typeof focusRuleSchema>>;
