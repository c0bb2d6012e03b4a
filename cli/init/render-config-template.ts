// The commented .github/shipgate.yml that `shipgate init` writes, generated from the schema's
// defaults and descriptions so it can never drift from what the parser accepts.
import { Document, isPair, isScalar, visit, type Pair } from "yaml";
import { configJsonSchema } from "../../shared/core/config/config-json-schema.js";
import { parseConfig } from "../../shared/core/config/parse-config.js";

type JsonSchema = {
  description?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
};

/** Comment lines (yaml adds the `#`). */
const header = [
  " shipgate: the delivery quality gate for pull requests.",
  " Written by `shipgate init` with every setting at its default value; change what you need.",
  " The gate reads this file from the pull request's base branch, so a change here applies to",
  " pull requests opened after it is merged. Check it with `npx shipgate validate`.",
];

export function renderConfigTemplate(): string {
  const defaults = parseConfig(null, "defaults");
  if (!defaults.ok) throw new Error("the built-in defaults do not validate");
  const schema = configJsonSchema() as JsonSchema;
  const doc = new Document(defaults.config);

  const unset = Object.entries(schema.properties ?? {}).filter(
    ([key]) => !(key in defaults.config),
  );
  const unsetLines = unset.map(([key, node]) => `   ${key}: ${node.description ?? ""}`);
  doc.commentBefore = [
    ...header,
    ...(unsetLines.length > 0 ? ["", " Not set by default:", ...unsetLines] : []),
  ].join("\n");

  visit(doc, {
    Pair(index, pair, path) {
      const keys = [...path.filter(isPair), pair].map((p) => String(keyOf(p)));
      const node = schemaAt(schema, keys);
      const comment = describe(node);
      if (!isScalar(pair.key)) return;
      if (comment) pair.key.commentBefore = ` ${comment}`;
      // A blank line before each top-level key and each rule keeps the file scannable.
      const isSection = keys.length === 1 || (keys.length === 2 && keys[0] === "rules");
      if (isSection && index !== 0) pair.key.spaceBefore = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function schemaAt(root: JsonSchema, keys: string[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of keys) {
    if (!node) return undefined;
    node = childOf(node, key);
  }
  return node;
}

function childOf(node: JsonSchema, key: string): JsonSchema | undefined {
  const direct = node.properties?.[key];
  if (direct) return direct;
  for (const option of node.anyOf ?? []) {
    const found = childOf(option, key);
    if (found) return found;
  }
  return typeof node.additionalProperties === "object" ? node.additionalProperties : undefined;
}

function describe(node: JsonSchema | undefined): string {
  if (!node) return "";
  const lines = node.description ? [node.description] : [];
  const values =
    node.enum ?? node.items?.enum ?? node.anyOf?.flatMap((option) => option.enum ?? []);
  // Skip choices the description already spells out, e.g. "block: ...; warn: ...".
  if (values?.length && !values.every((v) => lines[0]?.includes(`${String(v)}:`))) {
    lines.push(`${node.items ? "Any of" : "One of"}: ${values.join(", ")}`);
  }
  const mapping = node.anyOf?.find((option) => option.properties)?.properties;
  if (mapping) {
    lines.push("or a mapping with any of:");
    for (const [key, child] of Object.entries(mapping)) {
      lines.push(`  ${key}: [...]${child.description ? `  ${child.description}` : ""}`);
    }
  }
  return lines.join("\n ");
}
