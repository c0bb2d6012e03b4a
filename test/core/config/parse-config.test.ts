import { readFileSync } from "node:fs";
import { formatConfigError } from "../../../shared/core/config/config-error.js";
import { renderConfigJsonSchema } from "../../../shared/core/config/config-json-schema.js";
import { MAX_CONFIG_BYTES, parseConfig } from "../../../shared/core/config/parse-config.js";

const FILE = ".github/shipgate.yml";

function errorsOf(text: string): string[] {
  const result = parseConfig(text, FILE);
  if (result.ok) throw new Error("expected the config to be invalid");
  return result.errors.map(formatConfigError);
}

describe("parseConfig", () => {
  it("gives the documented defaults for a missing file", () => {
    const result = parseConfig(null, FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.rules.size).toEqual({
      level: "block",
      "max-lines": 400,
      "warn-lines": 250,
      "max-files": 40,
      "warn-files": 25,
      exclude: [],
    });
    expect(result.config.rules.coverage["min-patch"]).toBe(80);
    expect(result.config.rules["rollout-notes"].when).toBe("always");
    expect(result.config.rules["linked-risks"].level).toBe("warn");
    expect(result.config.risk).toEqual({
      levels: ["low", "medium", "high"],
      "label-prefix": "risk:",
    });
  });

  it.each([
    ["an empty file", ""],
    ["a file of comments", "# nothing here\n"],
  ])("treats %s as defaults", (_name, text) => {
    const result = parseConfig(text, FILE);
    expect(result.ok && result.config).toEqual(
      (parseConfig(null, FILE) as { config: unknown }).config,
    );
  });

  it("keeps defaults for keys the user did not write", () => {
    const result = parseConfig("rules:\n  size:\n    max-lines: 900\n", FILE);
    expect(result.ok && result.config.rules.size).toMatchObject({
      "max-lines": 900,
      "max-files": 40,
    });
    expect(result.ok && result.config.rules.coverage.level).toBe("block");
  });

  it("accepts aliases used for reuse", () => {
    const text =
      "rules:\n  size: &strict { max-lines: 100 }\nrisk-levels:\n  high: { size: *strict }\n";
    const result = parseConfig(text, FILE);
    expect(result.ok && result.config["risk-levels"].high?.size).toEqual({ "max-lines": 100 });
  });

  it.each([
    [
      "a misspelt key, with a suggestion",
      "rules:\n  size:\n    max-line: 3\n",
      `${FILE}:3:5 rules.size.max-line unknown key; did you mean "max-lines"?`,
    ],
    [
      "a misspelt rule",
      "rules:\n  sise: {}\n",
      `${FILE}:2:3 rules.sise unknown key; did you mean "size"?`,
    ],
    [
      "a key with no close match, listing the allowed ones",
      "rules:\n  zzzzzzzzzz: 1\n",
      `${FILE}:2:3 rules.zzzzzzzzzz unknown key; allowed keys: size, coverage, rollout-notes, linked-risks, dependencies, focus`,
    ],
    [
      "a misspelt key inside a risk level override",
      "risk-levels:\n  high:\n    coverage: {min-pach: 3}\n",
      `${FILE}:3:16 risk-levels.high.coverage.min-pach unknown key; did you mean "min-patch"?`,
    ],
    [
      "a misspelt key inside `when`",
      "rules:\n  rollout-notes:\n    when: {paths: [a], lables: [x]}\n",
      `${FILE}:3:24 rules.rollout-notes.when.lables unknown key; did you mean "labels"?`,
    ],
    [
      "a wrong type",
      "rules:\n  size:\n    max-lines: many\n",
      `${FILE}:3:16 rules.size.max-lines Invalid input: expected number, received string`,
    ],
    [
      "an unknown level",
      "rules:\n  coverage:\n    level: strict\n",
      `${FILE}:3:12 rules.coverage.level Invalid option: expected one of "block"|"warn"|"off"`,
    ],
    [
      "a percentage above 100",
      "rules:\n  coverage:\n    min-patch: 120\n",
      `${FILE}:3:16 rules.coverage.min-patch Too big: expected number to be <=100`,
    ],
    [
      "an invalid regular expression",
      "rules:\n  linked-risks:\n    patterns: ['(']\n",
      `${FILE}:3:16 rules.linked-risks.patterns.0 is not a regular expression RE2 accepts (no lookaround or backreferences): error parsing regexp: missing closing ): \`(\``,
    ],
    [
      "a backreference (RE2 has none: patterns run in linear time)",
      "rules:\n  linked-risks:\n    patterns:\n      - 'RISK-\\d+'\n      - '(a+)\\1'\n",
      `${FILE}:5:9 rules.linked-risks.patterns.1 is not a regular expression RE2 accepts (no lookaround or backreferences): error parsing regexp: invalid escape sequence: \`\\1\``,
    ],
    [
      "a lookahead",
      "rules:\n  linked-risks:\n    patterns: ['RISK-(?=\\d)']\n",
      `${FILE}:3:16 rules.linked-risks.patterns.0 is not a regular expression RE2 accepts (no lookaround or backreferences): error parsing regexp: invalid or unsupported Perl syntax: \`(?=\``,
    ],
    [
      "a pattern too large for the search budget",
      "rules:\n  linked-risks:\n    patterns: ['(.*a){100}']\n",
      `${FILE}:3:16 rules.linked-risks.patterns.0 is too complex: its RE2 program has 502 instructions, at most 200 are allowed (write a shorter pattern, e.g. fewer or smaller {n,m} repeats)`,
    ],
    [
      "a bad pattern in a risk level's overrides",
      "risk-levels:\n  high:\n    linked-risks: { patterns: ['(?<=x)y'] }\n",
      `${FILE}:3:32 risk-levels.high.linked-risks.patterns.0 is not a regular expression RE2 accepts (no lookaround or backreferences): error parsing regexp: invalid named capture: \`(?<=x)y\``,
    ],
    [
      "an override for an undeclared risk level",
      "risk-levels:\n  extreme: {size: {max-lines: 3}}\n",
      `${FILE}:2:3 risk-levels.extreme is not a declared risk level; risk.levels is [low, medium, high]`,
    ],
    [
      "a list instead of a mapping",
      "- 1\n",
      `${FILE}:1:1 must be a mapping of keys (e.g. \`rules:\`), not a list or a single value`,
    ],
    [
      "a custom tag",
      "rules: !include other.yml\n",
      `${FILE}:1:8 YAML tag !include is not allowed: write plain values`,
    ],
  ])("rejects %s", (_name, text, expected) => {
    expect(errorsOf(text)).toEqual([expected]);
  });

  it("reports malformed YAML with its line and column", () => {
    const [error] = errorsOf("rules:\n  size:\n    max-lines: [1, 2\n  coverage: {}\n");
    expect(error).toMatch(/^\.github\/shipgate\.yml:\d+:\d+ invalid YAML: /);
    expect(error).not.toMatch(/^\.github\/shipgate\.yml:1:1 /);
  });

  it("reports duplicate keys", () => {
    expect(errorsOf("rules: {}\nrules: {}\n")[0]).toMatch(
      /:2:1 invalid YAML: Map keys must be unique/,
    );
  });

  it("reports every problem, not just the first", () => {
    expect(errorsOf("rules:\n  size: {max-line: 1}\n  coverage: {min-patch: -1}\n")).toHaveLength(
      2,
    );
  });

  it("rejects an alias bomb without expanding it", () => {
    const rows = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      rows.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const [error] = errorsOf(rows.join("\n"));
    expect(error).toMatch(/aliases expand too far/);
  });

  it("validates a risk level named __proto__ like any other (zod's record skips that key)", () => {
    expect(
      errorsOf(
        "risk:\n  levels: [low, __proto__]\nrisk-levels:\n  __proto__:\n    size: { max-linez: 3 }\n",
      ),
    ).toEqual([
      `${FILE}:5:13 risk-levels.__proto__.size.max-linez unknown key; did you mean "max-lines"?`,
    ]);
    expect(errorsOf("risk-levels:\n  __proto__: { size: { max-lines: 3 } }\n")).toEqual([
      `${FILE}:2:3 risk-levels.__proto__ is not a declared risk level; risk.levels is [low, medium, high]`,
    ]);
  });

  it("rejects a file over 256 KB", () => {
    const text = `# ${"x".repeat(MAX_CONFIG_BYTES)}\n`;
    expect(errorsOf(text)).toEqual([
      `${FILE}:1:1 is ${MAX_CONFIG_BYTES + 3} bytes; the limit is ${MAX_CONFIG_BYTES} bytes (256 KB)`,
    ]);
  });
});

describe("schema/shipgate.schema.json", () => {
  it("is the JSON Schema generated from the config schema (run `npm run schema` to refresh)", () => {
    expect(readFileSync("schema/shipgate.schema.json", "utf8")).toBe(renderConfigJsonSchema());
  });
});
