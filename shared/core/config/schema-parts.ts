// Field types every rule's settings share, so the config reads the same everywhere.
import { z } from "zod";

export const level = z
  .enum(["block", "warn", "off"])
  .describe("block: a failure fails the gate; warn: a failure is reported only; off: not run");
export const globs = z.array(z.string().min(1));
export const percent = z.number().min(0).max(100);
export const count = z.number().int().min(0);
