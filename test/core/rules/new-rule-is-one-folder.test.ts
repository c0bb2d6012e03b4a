// "A new rule is one folder and one line": in a copy of shared/ and cli/, a throwaway rule is
// added as a folder plus its entry in rule-definitions.ts, and nothing else is touched. It must
// then be configured (schema, defaults, unknown keys, risk-level overrides, JSON Schema, init's
// template), evaluated, rendered, overridable, listed in invalid-config verdicts, and able to ask
// adapters to verify references — all derived from its definition.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = process.cwd();
let dir: string;

const DEFINITION = `import * as z from "zod/mini";
import { lazySchema } from "../../config/lazy-schema.js";
import { level } from "../../config/schema-parts.js";
import type { RuleDefinition } from "../rule.js";

const schema = lazySchema(() =>
  z.strictObject({
    level: z._default(level(), "warn"),
    "max-chars": z
      ._default(z.number().check(z.int(), z.minimum(1)), 72)
      .check(z.describe("Longest title allowed")),
  }),
);

export const titleLengthDefinition: RuleDefinition<"title-length", ReturnType<typeof schema>> = {
  id: "title-length",
  schema,
  run: (facts, config) => {
    const long = facts.title.length > config["max-chars"];
    return {
      id: "title-length",
      status: long ? "fail" : "pass",
      level: config.level,
      summary: \`Title of \${facts.title.length} characters, at most \${config["max-chars"]}\`,
      details: long ? "**How to fix:** shorten the title." : "",
      metrics: { chars: facts.title.length },
      findings: [],
    };
  },
  references: (body) => (body.includes("#77") ? ["acme/shop#77"] : []),
};
`;

const DRIVER = `import { parseConfig } from "./shared/core/config/parse-config.js";
import { renderConfigJsonSchema } from "./shared/core/config/config-json-schema.js";
import { evaluate } from "./shared/core/evaluate.js";
import { invalidConfigVerdict } from "./shared/core/invalid-config-verdict.js";
import { renderComment } from "./shared/core/render/render-comment.js";
import { referencesToVerify } from "./shared/core/rules/references-to-verify.js";
import { renderConfigTemplate } from "./cli/init/render-config-template.js";
import { renderVerdictJsonSchema, renderVerdictTypes } from "./shared/core/verdict-schema.js";
import { readFileSync } from "node:fs";

const facts = {
  repository: "acme/shop", number: 1, title: "A title that is rather too long for this gate",
  body: "See #77.", labels: ["risk:high"], author: "octocat",
  base: { ref: "main", sha: "a".repeat(40) }, head: { ref: "f", sha: "b".repeat(40) },
  files: [], filesTruncated: false, linkedItems: [], coverage: null, gitattributes: null,
  pullRequestTemplate: null, repoFiles: null, goModules: null, configChanged: false,
};
const yaml = [
  "rules:",
  "  title-length: { level: block, max-chars: 60 }",
  "  coverage: { level: off }",
  "  rollout-notes: { level: off }",
  "risk-levels:",
  "  high: { title-length: { max-chars: 20 } }",
].join("\\n");
const parsed = parseConfig(yaml, "shipgate.yml");
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const defaults = parseConfig(null, "shipgate.yml");
const unknown = parseConfig("rules:\\n  title-length: { max-char: 3 }\\n", "shipgate.yml");
const verdict = evaluate(facts, parsed.config);
const overridden = evaluate(facts, parsed.config, {
  overrides: [{ rule: "title-length", by: "lead", at: "2026-12-05T00:00:00Z", reason: "ok", sha: "b".repeat(40) }],
});
console.log(JSON.stringify({
  defaults: defaults.ok ? defaults.config.rules["title-length" as never] : null,
  unknown: unknown.ok ? null : unknown.errors.map((e) => e.path + " " + e.message),
  rule: verdict.rules.find((r) => r.id === "title-length"),
  conclusion: verdict.conclusion,
  comment: renderComment(verdict),
  overridden: overridden.rules.find((r) => r.id === "title-length")?.status,
  overriddenConclusion: overridden.conclusion,
  invalid: invalidConfigVerdict([], "x.yml").rules.map((r) => r.id),
  schema: JSON.parse(renderConfigJsonSchema()).properties.rules.properties["title-length"] ?? null,
  template: renderConfigTemplate().includes("title-length"),
  references: referencesToVerify(facts.body, parsed.config, "acme/shop"),
  verdictSchemaIds: JSON.parse(renderVerdictJsonSchema()).properties.rules.items.properties.id.enum,
  verdictTypes: renderVerdictTypes(readFileSync("${ROOT}/types/verdict.d.ts", "utf8")).includes('"focus" | "title-length"'),
}));
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "shipgate-new-rule-"));
  for (const part of ["shared", "cli", "tsconfig.json", "package.json"]) {
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  // The one folder…
  mkdirSync(join(dir, "shared/core/rules/title-length"));
  writeFileSync(join(dir, "shared/core/rules/title-length/definition.ts"), DEFINITION);
  // …and the one line (plus its import) in the list.
  const listPath = join(dir, "shared/core/rules/rule-definitions.ts");
  const list = readFileSync(listPath, "utf8")
    .replace(
      'import { sizeDefinition } from "./size/definition.js";',
      'import { sizeDefinition } from "./size/definition.js";\nimport { titleLengthDefinition } from "./title-length/definition.js";',
    )
    .replace("\n] as const;", "\n  titleLengthDefinition,\n] as const;");
  writeFileSync(listPath, list);
  writeFileSync(join(dir, "driver.ts"), DRIVER);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a throwaway rule added as one folder and one line", () => {
  let out: Record<string, unknown>;
  beforeAll(() => {
    const stdout = execFileSync(join(ROOT, "node_modules/.bin/tsx"), ["driver.ts"], {
      cwd: dir,
      encoding: "utf8",
    });
    out = JSON.parse(stdout) as Record<string, unknown>;
  }, 60_000);

  it("is configured: defaults, unknown keys refused, risk-level overrides", () => {
    expect(out["defaults"]).toEqual({ level: "warn", "max-chars": 72 });
    expect(out["unknown"]).toEqual([expect.stringContaining("rules.title-length")]);
    // risk:high tightens max-chars to 20 through risk-levels.
    expect(out["rule"]).toMatchObject({
      id: "title-length",
      status: "fail",
      level: "block",
      summary: "Title of 45 characters, at most 20",
    });
    expect(out["conclusion"]).toBe("failure");
  });

  it("is rendered, overridable and listed wherever rules are listed", () => {
    expect(out["comment"]).toContain("title-length");
    expect(out["comment"]).toContain("shorten the title");
    expect(out["overridden"]).toBe("skip");
    expect(out["overriddenConclusion"]).toBe("success");
    expect(out["invalid"]).toContain("title-length");
    expect(out["schema"]).toMatchObject({ properties: { "max-chars": { default: 72 } } });
    expect(out["template"]).toBe(true);
    expect(out["references"]).toEqual(["acme/shop#77"]);
  });

  it("is in the verdict contract `npm run schema` writes (JSON Schema and published types)", () => {
    expect(out["verdictSchemaIds"]).toContain("title-length");
    expect(out["verdictTypes"]).toBe(true);
  });

  it("type-checks with no other file changed", () => {
    expect(() =>
      execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["--noEmit", "-p", "."], {
        cwd: dir,
        encoding: "utf8",
        stdio: "pipe",
      }),
    ).not.toThrow();
  }, 120_000);
});
