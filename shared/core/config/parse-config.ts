// Reads .github/shipgate.yml text into a validated Config, or into errors with key path,
// line and column. Never throws for anything a user can write.
import { LineCounter, parseDocument, visit, type Document } from "yaml";
import type * as z from "zod/mini";
import { defineOwn } from "../own-property.js";
import { configSchema, ruleOverridesSchema, type Config } from "./config-schema.js";
import type { ConfigError } from "./config-error.js";
import { locateKeyPath } from "./locate-key-path.js";
import { schemaKeys } from "./schema-keys.js";
import { suggestKey } from "./suggest-key.js";

export type ConfigResult =
  { ok: true; config: Config; warnings: string[] } | { ok: false; errors: ConfigError[] };

/** Larger files are refused: a gate config is a page, not a data set. */
export const MAX_CONFIG_BYTES = 256 * 1024;
/** Aliases are fine for reuse; thousands of them are a resource-exhaustion attack. */
const MAX_ALIAS_COUNT = 100;
const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`),
);

export function parseConfig(text: string | null, file: string): ConfigResult {
  if (text === null) return { ok: true, config: configSchema().parse({}), warnings: [] };
  const fail = (message: string, line = 1, column = 1, path = ""): ConfigResult => ({
    ok: false,
    errors: [{ file, line, column, path, message }],
  });
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_CONFIG_BYTES) {
    return fail(`is ${bytes} bytes; the limit is ${MAX_CONFIG_BYTES} bytes (256 KB)`);
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { file, line, column: col, path: "", message: `invalid YAML: ${e.message}` };
      }),
    };
  }
  const tagError = findCustomTag(doc, text, lineCounter, file);
  if (tagError) return { ok: false, errors: [tagError] };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return fail(`YAML aliases expand too far (more than ${MAX_ALIAS_COUNT}); ${String(error)}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return fail("must be a mapping of keys (e.g. `rules:`), not a list or a single value");
  }

  const parsed = configSchema().safeParse(data);
  const issues = parsed.success
    ? keepProtoLevel(parsed.data, data as Record<string, unknown>)
    : parsed.error.issues;
  const errors =
    parsed.success && issues.length === 0
      ? checkRiskLevels(parsed.data, data as Record<string, unknown>, doc, lineCounter, file)
      : issues.flatMap((issue) => toConfigErrors(issue, doc, lineCounter, file));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const warnings = doc.warnings.map((w) => w.message);
  return { ok: true, config: parsed.data, warnings };
}

function findCustomTag(
  doc: Document,
  text: string,
  lineCounter: LineCounter,
  file: string,
): ConfigError | null {
  let found: ConfigError | null = null;
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (tag && !CORE_TAGS.has(tag)) {
        // The node's range starts at its value; point at the tag written before it.
        const tagStart = text.lastIndexOf("!", node.range?.[0] ?? 0);
        const { line, col } = lineCounter.linePos(Math.max(0, tagStart));
        found = {
          file,
          line,
          column: col,
          path: "",
          message: `YAML tag ${tag} is not allowed: write plain values`,
        };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function toConfigErrors(
  issue: z.core.$ZodIssue,
  doc: Document,
  lineCounter: LineCounter,
  file: string,
): ConfigError[] {
  const path = issue.path;
  if (issue.code === "unrecognized_keys") {
    const allowed = schemaKeys(configSchema(), path);
    return issue.keys.map((key) => {
      const { line, column } = locateKeyPath(doc, lineCounter, [...path, key], true);
      const suggestion = suggestKey(key, allowed);
      const hint = suggestion
        ? `did you mean "${suggestion}"?`
        : `allowed keys: ${allowed.join(", ")}`;
      return {
        file,
        line,
        column,
        path: [...path, key].join("."),
        message: `unknown key; ${hint}`,
      };
    });
  }
  const { line, column } = locateKeyPath(doc, lineCounter, path);
  return [{ file, line, column, path: path.join("."), message: issue.message }];
}

/**
 * zod leaves a `__proto__` key out of a record (it guards its own result object), so a risk
 * level of that name would be dropped without a word: validate and keep it here.
 */
function keepProtoLevel(config: Config, written: Record<string, unknown>): z.core.$ZodIssue[] {
  const overrides = written["risk-levels"];
  if (
    typeof overrides !== "object" ||
    overrides === null ||
    !Object.hasOwn(overrides, "__proto__")
  ) {
    return [];
  }
  const value: unknown = (overrides as Record<string, unknown>)["__proto__"];
  const parsed = ruleOverridesSchema().safeParse(value);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      ...issue,
      path: ["risk-levels", "__proto__", ...issue.path],
    }));
  }
  defineOwn(config["risk-levels"], "__proto__", parsed.data);
  return [];
}

/** Overrides may only name declared levels; checked on what the user wrote, not on defaults. */
function checkRiskLevels(
  config: Config,
  written: Record<string, unknown>,
  doc: Document,
  lineCounter: LineCounter,
  file: string,
): ConfigError[] {
  const levels = config.risk.levels;
  const overrides = written["risk-levels"];
  if (!overrides || typeof overrides !== "object") return [];
  return Object.keys(overrides)
    .filter((level) => !levels.includes(level))
    .map((level) => {
      const path = ["risk-levels", level];
      const { line, column } = locateKeyPath(doc, lineCounter, path, true);
      return {
        file,
        line,
        column,
        path: path.join("."),
        message: `is not a declared risk level; risk.levels is [${levels.join(", ")}]`,
      };
    });
}
