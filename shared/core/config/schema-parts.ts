// Field types every rule's settings share, so the config reads the same everywhere. The config
// schema is written with zod/mini, not zod's classic API: `shipgate check` loads and builds it on
// every run, and with mini zod takes 33 KB of that bundle instead of 206 KB.
import * as z from "zod/mini";
import { lazySchema } from "./lazy-schema.js";

/**
 * zod/mini sets no locale (classic zod sets English when it is first used): without this, every
 * message would be a bare "Invalid input". Every config schema is built from `level`, which
 * calls this first; the config's own schema calls it too.
 */
export const useEnglish = lazySchema(() => {
  z.config(z.locales.en());
  return true;
});

export const level = lazySchema(() => {
  useEnglish();
  return z
    .enum(["block", "warn", "off"])
    .check(
      z.describe("block: a failure fails the gate; warn: a failure is reported only; off: not run"),
    );
});
export const globs = lazySchema(() => z.array(z.string().check(z.minLength(1))));
export const percent = lazySchema(() => z.number().check(z.minimum(0), z.maximum(100)));
export const count = lazySchema(() => z.number().check(z.int(), z.minimum(0)));
