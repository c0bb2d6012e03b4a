import { applyRiskLevel, deepMerge } from "../../../shared/core/config/apply-risk-level.js";
import { parseConfig } from "../../../shared/core/config/parse-config.js";

function configFrom(text: string) {
  const result = parseConfig(text, "shipgate.yml");
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

describe("applyRiskLevel", () => {
  const config = configFrom(
    [
      "rules:",
      "  size: { max-lines: 400, exclude: ['*.snap'] }",
      "  rollout-notes: { when: { paths: ['migrations/**'] } }",
      "risk-levels:",
      "  high:",
      "    size: { max-lines: 200, exclude: [] }",
      "    coverage: { min-patch: 90 }",
      "    rollout-notes: { when: always }",
    ].join("\n"),
  );

  it("leaves the rules alone without a declared level", () => {
    expect(applyRiskLevel(config, null)).toBe(config.rules);
  });

  it("leaves the rules alone for a level with no overrides", () => {
    expect(applyRiskLevel(config, "low")).toBe(config.rules);
  });

  it("deep-merges the level's overrides over the base rules", () => {
    const rules = applyRiskLevel(config, "high");
    expect(rules.size).toMatchObject({ "max-lines": 200, "max-files": 40, exclude: [] });
    expect(rules.coverage).toMatchObject({ "min-patch": 90, "min-coverable-lines": 5 });
    expect(rules["rollout-notes"].when).toBe("always");
    expect(config.rules.size["max-lines"]).toBe(400);
  });

  it("applies the built-in high-risk defaults", () => {
    const rules = applyRiskLevel(configFrom(""), "high");
    expect(rules.size["max-lines"]).toBe(200);
    expect(rules.coverage["min-patch"]).toBe(90);
  });
});

describe("deepMerge", () => {
  it.each([
    [{ a: 1 }, { a: 2 }, { a: 2 }],
    [{ a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    [{ a: [1, 2] }, { a: [3] }, { a: [3] }],
    [{ a: "always" }, { a: { paths: ["x"] } }, { a: { paths: ["x"] } }],
    [{ a: { paths: ["x"] } }, { a: "always" }, { a: "always" }],
    [{ a: 1 }, { b: undefined }, { a: 1 }],
  ])("merges %j with %j into %j", (base, override, expected) => {
    expect(deepMerge(base, override)).toEqual(expected);
  });
});
