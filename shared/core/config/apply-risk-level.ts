// A declared risk level tightens the gate: its overrides are deep-merged over the base rules.
// Level names and config keys are user text: looked up and set as own properties only.
import { defineOwn, ownValue } from "../own-property.js";
import type { Config, RulesConfig } from "./config-schema.js";

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars in the override replace the base value. */
export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlain(base) || !isPlain(override)) return (override === undefined ? base : override) as T;
  const merged: Plain = {};
  for (const [key, value] of Object.entries(base)) defineOwn(merged, key, value);
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined) defineOwn(merged, key, deepMerge(ownValue(merged, key), value));
  }
  return merged as T;
}

export function applyRiskLevel(config: Config, level: string | null): RulesConfig {
  const overrides = level === null ? undefined : ownValue(config["risk-levels"], level);
  return overrides ? deepMerge(config.rules, overrides) : config.rules;
}
