// The verdict's shape is written once (shared/core/verdict-schema.ts): the published JSON Schema
// is generated from it, and the TypeScript types — core's and the published types/verdict.d.ts —
// must be exactly what the schema accepts, so none of them can drift from the others.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { z } from "zod";
import type { JsonVerdict } from "../../types/verdict.js";
import type { Verdict } from "../../shared/core/types.js";
import { evaluate } from "../../shared/core/evaluate.js";
import { parseConfig } from "../../shared/core/config/parse-config.js";
import { renderJson } from "../../shared/core/render/render-json.js";
import { RULE_IDS } from "../../shared/core/rules/rule-definitions.js";
import {
  jsonVerdictSchema,
  renderVerdictJsonSchema,
  renderVerdictTypes,
  verdictSchema,
} from "../../shared/core/verdict-schema.js";
import { makeFacts, makeFile } from "../builders/make-facts.js";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Compile-time: `npm run typecheck` fails when a type and the schema disagree.
const coreTypeIsTheSchema: Equal<z.infer<typeof verdictSchema>, Verdict> = true;
const publishedTypeIsTheSchema: Equal<z.infer<typeof jsonVerdictSchema>, JsonVerdict> = true;

function validator() {
  const schema = JSON.parse(readFileSync("schema/verdict.schema.json", "utf8")) as object;
  return new Ajv2020({ strict: true, allErrors: true }).compile(schema);
}

function sampleVerdict(): Verdict {
  const config = parseConfig("rules:\n  size:\n    max-lines: 10\n", ".github/shipgate.yml");
  if (!config.ok) throw new Error("the sample config is valid");
  const facts = makeFacts({
    body: "No rollout section.",
    files: [makeFile({ path: "src/a.ts", additions: 40 }), makeFile({ path: "package-lock.json" })],
  });
  return evaluate(facts, config.config);
}

describe("the verdict contract", () => {
  it("has types that are exactly the schema's (checked by the compiler)", () => {
    expect([coreTypeIsTheSchema, publishedTypeIsTheSchema]).toEqual([true, true]);
  });

  it("schema/verdict.schema.json is generated from the schema (run `npm run schema` to refresh)", () => {
    expect(readFileSync("schema/verdict.schema.json", "utf8")).toBe(renderVerdictJsonSchema());
  });

  it("types/verdict.d.ts names every rule (run `npm run schema` to refresh)", () => {
    const types = readFileSync("types/verdict.d.ts", "utf8");
    expect(types).toBe(renderVerdictTypes(types));
    expect(renderVerdictTypes('export type RuleId = "old";')).toBe(
      `export type RuleId =\n  ${RULE_IDS.map((id) => `"${id}"`).join(" | ")};`,
    );
  });

  it("accepts what `--format json` prints for a real evaluation, with every rule", () => {
    const verdict = sampleVerdict();
    expect(verdict.rules.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    const validate = validator();
    const printed: unknown = JSON.parse(renderJson(verdict));
    expect(validate(printed) ? [] : validate.errors).toEqual([]);
    expect(jsonVerdictSchema.safeParse(printed).success).toBe(true);
    expect(verdictSchema.safeParse(verdict).success).toBe(true);
  });

  it.each([
    ["an unknown rule id", (v: JsonVerdict) => ({ ...v, rules: [{ ...v.rules[0], id: "nope" }] })],
    ["an extra key", (v: JsonVerdict) => ({ ...v, extra: 1 })],
    ["a missing key", ({ notes: _notes, ...v }: JsonVerdict) => v],
    ["another version", (v: JsonVerdict) => ({ ...v, version: 2 })],
  ])("refuses %s", (_name, spoil) => {
    const printed = JSON.parse(renderJson(sampleVerdict())) as JsonVerdict;
    const spoiled = JSON.parse(JSON.stringify(spoil(printed))) as unknown;
    expect(validator()(spoiled)).toBe(false);
    expect(jsonVerdictSchema.safeParse(spoiled).success).toBe(false);
  });

  it("refuses metrics JSON cannot hold (a function, undefined)", () => {
    const printed = JSON.parse(renderJson(sampleVerdict())) as JsonVerdict;
    for (const metric of [() => 1, undefined, { deep: [1, undefined] }]) {
      const rules = [{ ...printed.rules[0], metrics: { lines: metric } }];
      expect(jsonVerdictSchema.safeParse({ ...printed, rules }).success).toBe(false);
    }
  });
});
