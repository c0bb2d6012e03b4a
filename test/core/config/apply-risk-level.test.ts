import fc from "fast-check";
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

// Level names are user text: the names of Object.prototype's members are names like any other.
const PROTOTYPE_NAMES = [
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupGetter__",
];
const levelName = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** A config (JSON is YAML) declaring `levels`, with a max-lines override for `overridden`. */
function configWithLevels(levels: string[], overridden: string, maxLines: number) {
  const key = JSON.stringify(overridden);
  return configFrom(
    `{"risk": {"levels": ${JSON.stringify(levels)}}, "risk-levels": {${key}: {"size": {"max-lines": ${maxLines}}}}}`,
  );
}

describe("risk levels named like Object.prototype members", () => {
  it("applies a level's own overrides, whatever its name", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(levelName, { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 0, max: 10_000 }),
        (levels, maxLines) => {
          const [overridden, other] = levels as [string, string];
          const config = configWithLevels(levels, overridden, maxLines);
          expect(applyRiskLevel(config, overridden).size["max-lines"]).toBe(maxLines);
          expect(applyRiskLevel(config, other)).toBe(config.rules);
        },
      ),
    );
  });

  it.each(PROTOTYPE_NAMES)("leaves the rules alone for %s with no overrides", (name) => {
    const config = configFrom(`risk:\n  levels: [low, ${JSON.stringify(name)}]\n`);
    expect(applyRiskLevel(config, name)).toBe(config.rules);
  });

  it("keeps a __proto__ level's overrides (zod's record would drop the key)", () => {
    const config = configFrom(
      "risk:\n  levels: [low, __proto__]\nrisk-levels:\n  __proto__: { size: { max-lines: 3 } }\n",
    );
    expect(Object.keys(config["risk-levels"])).toEqual(["__proto__"]);
    expect(applyRiskLevel(config, "__proto__").size["max-lines"]).toBe(3);
  });
});

describe("deepMerge with keys named like Object.prototype members", () => {
  it("keeps every key of the override as an own key, prototypes untouched", () => {
    fc.assert(
      fc.property(
        fc.dictionary(levelName, fc.integer(), { maxKeys: 5 }),
        fc.dictionary(levelName, fc.oneof(fc.integer(), fc.dictionary(levelName, fc.integer())), {
          maxKeys: 5,
        }),
        (base, override) => {
          const merged = deepMerge<Record<string, unknown>>(base, override);
          expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
          for (const key of Object.keys(override)) {
            expect(Object.hasOwn(merged, key)).toBe(true);
            const value = override[key];
            if (typeof value === "number") expect(merged[key]).toBe(value);
          }
          for (const key of Object.keys(base)) expect(Object.hasOwn(merged, key)).toBe(true);
        },
      ),
    );
  });
});
