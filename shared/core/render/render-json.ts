// The verdict as JSON for scripts: a documented, versioned contract. Keys come in a fixed order
// and metrics keys are sorted; summary, details and notes are the rules' markdown, as written.
//
// {
//   "version": 1,
//   "conclusion": "success" | "failure" | "neutral",
//   "riskLevel": string | null,
//   "rules": [{ "id", "status", "level", "summary", "details", "metrics" }],
//   "notes": string[]
// }
import { defineOwn } from "../own-property.js";
import type { Verdict } from "../types.js";

/** Bumped on any change a consumer could notice other than a new key. */
export const JSON_FORMAT_VERSION = 1;

export function renderJson(verdict: Verdict): string {
  const document = {
    version: JSON_FORMAT_VERSION,
    conclusion: verdict.conclusion,
    riskLevel: verdict.riskLevel,
    rules: verdict.rules.map((rule) => ({
      id: rule.id,
      status: rule.status,
      level: rule.level,
      summary: rule.summary,
      details: rule.details,
      metrics: toJsonValue(rule.metrics, new Set()) ?? {},
    })),
    notes: verdict.notes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON value with object keys sorted; what JSON cannot hold becomes null or is left out. */
export function toJsonValue(value: unknown, seen: Set<object>): Json | undefined {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return undefined; // functions, symbols, undefined
  if (seen.has(value)) return null;
  seen.add(value);
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (Array.isArray(value) || value instanceof Set) {
      return [...value].map((item) => toJsonValue(item, seen) ?? null);
    }
    const entries =
      value instanceof Map
        ? [...value].map(([key, item]) => [String(key), item] as const)
        : Object.entries(value);
    const object: { [key: string]: Json } = {};
    for (const [key, item] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const json = toJsonValue(item, seen);
      // Defined, not assigned: a key such as `__proto__` (a file path) must stay a key.
      if (json !== undefined) defineOwn(object, key, json);
    }
    return object;
  } finally {
    seen.delete(value);
  }
}
