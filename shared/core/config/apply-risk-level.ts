// A declared risk level tightens the gate: its overrides are deep-merged over the base rules.
import type { Config, RulesConfig } from "./config-schema.js";

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars in the override replace the base value. */
export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlain(base) || !isPlain(override)) return (override === undefined ? base : override) as T;
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined) merged[key] = deepMerge(merged[key], value);
  }
  return merged as T;
}

export function applyRiskLevel(config: Config, level: string | null): RulesConfig {
  const overrides = level === null ? undefined : config["risk-levels"][level];
  return overrides ? deepMerge(config.rules, overrides) : config.rules;
}
