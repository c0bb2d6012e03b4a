// The verdict's shape, written once. `verdictSchema` checks a verdict read back from a file a
// pull request's workflow wrote (the Action's publish mode), so it bounds every string and list;
// `jsonVerdictSchema` is the published JSON contract (`--format json`), from which
// schema/verdict.schema.json is generated (npm run schema). Tests hold both to the TypeScript
// types: core's `Verdict` and the published `types/verdict.d.ts`.
import { z } from "zod";
import { RULE_IDS } from "./rules/rule-definitions.js";
import { JSON_FORMAT_VERSION } from "./render/render-json.js";

const ruleId = z.enum(RULE_IDS);
const conclusion = z.enum(["success", "failure", "neutral"]);
const status = z.enum(["pass", "warn", "fail", "skip", "pending"]);
const level = z
  .enum(["block", "warn", "off"])
  .describe("Whether a failure blocks (`block`), only warns (`warn`), or the rule is `off`.");

/** Strings and lists as they may be, or bounded when the verdict is untrusted input. */
function shapes(bounded: boolean) {
  return {
    text: (max: number) => (bounded ? z.string().max(max) : z.string()),
    list: <T extends z.ZodType>(item: T, max: number) =>
      bounded ? z.array(item).max(max) : z.array(item),
  };
}

function ruleFields(bounded: boolean) {
  const { text } = shapes(bounded);
  return {
    id: ruleId,
    status,
    level,
    summary: text(2000).describe("One line with the measured figure and the limit (markdown)."),
    details: text(200_000).describe("Markdown that tells the author how to fix it."),
  };
}

function verdictFields<R extends z.ZodType>(rule: R, bounded: boolean) {
  const { text, list } = shapes(bounded);
  return {
    version: z
      .literal(JSON_FORMAT_VERSION)
      .describe("Bumped on any change a consumer could notice other than a new key."),
    conclusion,
    riskLevel: text(200).nullable().describe("The declared risk level, if any."),
    rules: list(rule, 20),
    notes: list(text(5000), 100).describe(
      "Notes about the evaluation itself (truncated file list, config changed in the PR).",
    ),
  };
}

const finding = z.strictObject({
  rule: ruleId,
  path: z.string().max(4096),
  startLine: z.number().int().min(1),
  endLine: z.number().int().min(1),
  severity: z.enum(["failure", "warning", "notice"]),
  title: z.string().max(1000),
  message: z.string().max(10_000),
});

/** A whole verdict as core makes it, bounded: for verdicts read from untrusted files. */
export const verdictSchema = z.strictObject(
  verdictFields(
    z.strictObject({
      ...ruleFields(true),
      metrics: z.record(z.string(), z.unknown()),
      findings: z.array(finding).max(5000),
    }),
    true,
  ),
);

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
const jsonValue: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union([
      z.null(),
      z.boolean(),
      z.number(),
      z.string(),
      z.array(jsonValue),
      z.record(z.string(), jsonValue),
    ]),
  )
  .meta({ id: "JsonValue" });

/** What `shipgate check --format json` prints (render-json.ts): no findings, JSON metrics. */
export const jsonVerdictSchema = z
  .strictObject(
    verdictFields(
      z.strictObject({
        ...ruleFields(false),
        metrics: z
          .record(z.string(), jsonValue)
          .describe("The rule's measured figures (e.g. `lines`, `files` for size); keys sorted."),
      }),
      false,
    ),
  )
  .describe(
    "What `shipgate check --format json` prints. Types for TypeScript: `shipgate/verdict`. " +
      "See docs/json.md.",
  );

/** schema/verdict.schema.json: the published contract as a JSON Schema. */
export function renderVerdictJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(jsonVerdictSchema, { target: "draft-2020-12" }),
    $id: "https://shipgate.dev/schema/verdict.schema.json",
    title: "shipgate verdict (JSON contract, version 1)",
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const RULE_ID_UNION = /(export type RuleId =)[^;]*;/;

/**
 * types/verdict.d.ts with its `RuleId` union rewritten from the rule definitions (the rest of the
 * file is written by hand, with its doc comments; a test holds it to `jsonVerdictSchema`).
 */
export function renderVerdictTypes(current: string): string {
  if (!RULE_ID_UNION.test(current)) throw new Error("types/verdict.d.ts has no RuleId union");
  const union = RULE_IDS.map((id) => JSON.stringify(id)).join(" | ");
  return current.replace(RULE_ID_UNION, (_line, head: string) => `${head}\n  ${union};`);
}
