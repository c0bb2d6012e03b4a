// The configuration reference (docs/configuration.md, "Reference") must name every config key with
// its real default, read from the zod schema (the single source of defaults), so the docs cannot
// drift from the code.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type * as z from "zod/mini";
import { configSchema } from "../../shared/core/config/config-schema.js";
import { readTable, splitMarkdown, type TableRow } from "../helpers/markdown-doc.js";

/** A key with no default (e.g. `extends`): the table says `unset`. */
const UNSET = Symbol("unset");

interface KeyDefault {
  path: string;
  value: unknown;
}

interface SchemaDef {
  type: string;
  innerType?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  options?: z.ZodMiniType[];
}

function defOf(schema: z.ZodMiniType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The schemas a value may match once defaults, optionals and unions are looked through. */
function candidates(schema: z.ZodMiniType): z.ZodMiniType[] {
  const def = defOf(schema);
  if (def.innerType) return candidates(def.innerType);
  if (def.type === "union" && def.options) return def.options.flatMap(candidates);
  return [schema];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Leaf key paths of `value` with their values. Objects with a fixed shape are walked; records
 * (`risk-levels`), lists and scalars are leaves. A union with an object form (`when: "always"` or
 * `when: { paths, ... }`) gives the leaf and the object form's keys with their own defaults.
 */
function keyDefaults(schema: z.ZodMiniType, value: unknown, prefix = ""): KeyDefault[] {
  const object = candidates(schema).find((c) => defOf(c).type === "object");
  const join = (key: string): string => (prefix === "" ? key : `${prefix}.${key}`);
  if (object === undefined) return [{ path: prefix, value }];
  if (isPlainObject(value)) {
    return Object.entries(defOf(object).shape ?? {}).flatMap(([key, child]) =>
      key in value
        ? keyDefaults(child, value[key], join(key))
        : [{ path: join(key), value: UNSET }],
    );
  }
  return [{ path: prefix, value }, ...keyDefaults(object, fieldDefaults(object), prefix)];
}

/** The defaults of an object form's fields; a required field (no default) is left out. */
function fieldDefaults(object: z.ZodMiniType): Record<string, unknown> {
  const entries = Object.entries(defOf(object).shape ?? {}).flatMap(([key, child]) => {
    const parsed = child.safeParse(undefined);
    return parsed.success && parsed.data !== undefined ? [[key, parsed.data] as const] : [];
  });
  return Object.fromEntries(entries);
}

/** JSON with a space after `,` and `:`: short, readable, and valid YAML too. */
function renderDefault(value: unknown): string {
  if (value === UNSET) return "unset";
  const json = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(json).join(", ")}]`;
    if (isPlainObject(v)) {
      const entries = Object.entries(v).map(([k, item]) => `${JSON.stringify(k)}: ${json(item)}`);
      return `{${entries.join(", ")}}`;
    }
    return JSON.stringify(v);
  };
  return `\`${json(value)}\``;
}

/** What is wrong with the table, one message per problem; empty when it documents `keys`. */
function checkConfigTable(rows: readonly TableRow[], keys: readonly KeyDefault[]): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, string>();
  for (const row of rows) {
    if (byKey.has(row.name)) problems.push(`\`${row.name}\` has more than one row`);
    byKey.set(row.name, row.cell);
  }
  const known = new Set(keys.map((key) => key.path));
  for (const { path, value } of keys) {
    const cell = byKey.get(path);
    const expected = renderDefault(value);
    if (cell === undefined) problems.push(`\`${path}\` (default ${expected}) has no row`);
    else if (cell !== expected)
      problems.push(`\`${path}\`: the docs say ${cell}, the default is ${expected}`);
  }
  for (const row of rows) {
    if (!known.has(row.name)) problems.push(`\`${row.name}\` has a row but is not a config key`);
  }
  return problems;
}

const page = readFileSync(new URL("../../docs/configuration.md", import.meta.url), "utf8");
const rows = readTable(splitMarkdown(page).prose, "## Reference");
const keys = keyDefaults(configSchema(), configSchema().parse({}));

describe("the configuration reference in docs/configuration.md", () => {
  it("is found and parsed", () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it("has a row for every config key, with the schema's default", () => {
    expect(checkConfigTable(rows, keys)).toEqual([]);
  });

  it("covers the keys that are easy to miss: no default, union forms, records", () => {
    const paths = keys.map((key) => key.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "extends",
        "rules.size.max-lines",
        "rules.rollout-notes.when",
        "rules.rollout-notes.when.paths",
        "rules.rollout-notes.when.labels",
        "rules.rollout-notes.when.risk",
        "risk.levels",
        "risk.label-prefix",
        "risk-levels",
      ]),
    );
    expect(paths).not.toContain("risk-levels.high.size.max-lines");
    expect(keys.find((key) => key.path === "extends")?.value).toBe(UNSET);
  });

  it("writes each default so that YAML reads back the same value", () => {
    for (const { value } of keys.filter((key) => key.value !== UNSET)) {
      expect(parseYaml(renderDefault(value).slice(1, -1))).toEqual(value);
    }
  });
});

describe("checkConfigTable", () => {
  // A correct table built from the schema, so these tests judge the check, not the docs.
  const documented: TableRow[] = keys.map((key) => ({
    name: key.path,
    cell: renderDefault(key.value),
  }));

  it("reports a default that changed", () => {
    const changed = configSchema().parse({});
    changed.rules.size["max-lines"] = 401;
    changed["risk-levels"] = { high: { coverage: { "min-patch": 95 } } };
    expect(checkConfigTable(documented, keyDefaults(configSchema(), changed))).toEqual([
      "`rules.size.max-lines`: the docs say `400`, the default is `401`",
      '`risk-levels`: the docs say `{"high": {"size": {"max-lines": 200}, "coverage": {"min-patch": 90}}}`, the default is `{"high": {"coverage": {"min-patch": 95}}}`',
    ]);
  });

  it("reports a key added without docs, and a row for a key that no longer exists", () => {
    const added = [...keys, { path: "rules.size.max-hunks", value: 30 }];
    expect(checkConfigTable(documented, added)).toEqual([
      "`rules.size.max-hunks` (default `30`) has no row",
    ]);
    const removed = keys.filter((key) => key.path !== "rules.size.warn-files");
    expect(checkConfigTable(documented, removed)).toEqual([
      "`rules.size.warn-files` has a row but is not a config key",
    ]);
  });

  it("reports a key documented twice", () => {
    const twice = [...documented, { name: "risk.levels", cell: '`["low", "medium", "high"]`' }];
    expect(checkConfigTable(twice, keys)).toEqual(["`risk.levels` has more than one row"]);
  });

  it.each([
    [400, "`400`"],
    ["block", '`"block"`'],
    [null, "`null`"],
    [true, "`true`"],
    [[], "`[]`"],
    [["low", "high"], '`["low", "high"]`'],
    [{ high: { size: { "max-lines": 200 } } }, '`{"high": {"size": {"max-lines": 200}}}`'],
    [UNSET, "unset"],
  ])("renders the default %p as %s", (value, cell) => {
    expect(renderDefault(value)).toBe(cell);
  });
});
