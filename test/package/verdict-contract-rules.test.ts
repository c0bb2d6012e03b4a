// The published verdict contract (types/verdict.d.ts, schema/verdict.schema.json) is written by
// hand; its rule ids must follow the list of rule definitions, or a new rule breaks consumers.
import { readFileSync } from "node:fs";
import { RULE_IDS } from "../../shared/core/rules/rule-definitions.js";

describe("the verdict contract names every rule", () => {
  it("in types/verdict.d.ts", () => {
    const types = readFileSync("types/verdict.d.ts", "utf8");
    const union = /export type RuleId =([^;]*);/.exec(types)?.[1] ?? "";
    const ids = [...union.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([...RULE_IDS]);
  });

  it("in schema/verdict.schema.json, wherever a rule id is allowed", () => {
    const text = readFileSync("schema/verdict.schema.json", "utf8");
    const enums = [...text.matchAll(/"enum": (\[[^\]]*"size"[^\]]*\])/g)].map(
      (m) => JSON.parse(m[1] as string) as string[],
    );
    expect(enums.length).toBeGreaterThan(0);
    for (const ids of enums) expect(ids).toEqual([...RULE_IDS]);
  });
});
