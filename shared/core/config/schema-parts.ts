// Field types every rule's settings share, so the config reads the same everywhere. The config
// schema is written with zod/mini, not zod's classic API: `shipgate check` loads and builds it on
// every run, and with mini zod takes 33 KB of that bundle instead of 206 KB.
import * as z from "zod/mini";

// zod/mini sets no locale (classic zod sets English when it is first used): without this, every
// message would be a bare "Invalid input". Here, because every config schema imports this file.
z.config(z.locales.en());

export const level = z
  .enum(["block", "warn", "off"])
  .check(
    z.describe("block: a failure fails the gate; warn: a failure is reported only; off: not run"),
  );
export const globs = z.array(z.string().check(z.minLength(1)));
export const percent = z.number().check(z.minimum(0), z.maximum(100));
export const count = z.number().check(z.int(), z.minimum(0));
