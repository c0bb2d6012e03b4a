// Every workflow this repository runs (.github/workflows/*.yml), the workflows its docs tell users
// to copy, and action.yml, read by GitHub's own parser against GitHub's own schemas
// (@actions/workflow-parser, the parser behind GitHub's Actions language service): an unknown
// key, event or `runs.using`, or a value of the wrong shape, is an error with its line.
// (SchemaStore's github-workflow and github-action schemas are on npm only in a 2022 copy that
// refuses `merge_group` and `node24`, which this repository uses, so GitHub's schemas stand in.)
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { JSONObjectReader } from "@actions/workflow-parser/templates/json-object-reader";
import { TemplateSchema } from "@actions/workflow-parser/templates/schema/template-schema";
import {
  TemplateContext,
  TemplateValidationErrors,
} from "@actions/workflow-parser/templates/template-context";
import { readTemplate } from "@actions/workflow-parser/templates/template-reader";
import { NoOperationTraceWriter } from "@actions/workflow-parser/templates/trace-writer";
import { YamlObjectReader } from "@actions/workflow-parser/workflows/yaml-object-reader";
import { splitMarkdown } from "../helpers/markdown-doc.js";

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * The package's schemas, read as files: its parse functions import them without
 * `with { type: "json" }`, which Jest warns about and Node refuses, so they are not used.
 */
function loadSchema(file: string): TemplateSchema {
  const json = readFileSync(join(ROOT, "node_modules/@actions/workflow-parser/dist", file), "utf8");
  return TemplateSchema.load(new JSONObjectReader(undefined, json));
}

type Kind = "workflow" | "action";
const SCHEMAS: Record<Kind, { schema: TemplateSchema; root: string }> = {
  workflow: { schema: loadSchema("workflow-v1.0.min.json"), root: "workflow-root-strict" },
  action: { schema: loadSchema("action-v1.0.min.json"), root: "action-root-strict" },
};

/** The schema's errors for one file, `name (Line: L, Col: C): message`; empty when it is valid. */
function checkFile(kind: Kind, name: string, content: string): string[] {
  const { schema, root } = SCHEMAS[kind];
  const context = new TemplateContext(
    new TemplateValidationErrors(),
    schema,
    new NoOperationTraceWriter(),
  );
  const fileId = context.getFileId(name);
  const reader = new YamlObjectReader(fileId, content);
  if (reader.errors.length > 0) return reader.errors.map((error) => `${name}: ${error.message}`);
  readTemplate(context, root, reader, fileId);
  return context.errors.getErrors().map((error) => error.message);
}

const workflowFiles = readdirSync(join(ROOT, ".github/workflows"))
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => `.github/workflows/${name}`);

/** Complete workflows (with `jobs:` and `on:`) in the README and docs/, which users copy. */
const documentedWorkflows = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
].flatMap((page) =>
  splitMarkdown(readFileSync(join(ROOT, page), "utf8"))
    .blocks.filter(
      (block) => block.lang === "yaml" && /^on:/m.test(block.text) && /^jobs:/m.test(block.text),
    )
    .map((block) => ({ name: `${page}:${block.line}`, text: block.text })),
);

describe("GitHub's schemas", () => {
  it.each(workflowFiles)("accept %s", (file) => {
    expect(checkFile("workflow", file, readFileSync(join(ROOT, file), "utf8"))).toEqual([]);
  });

  it("accept action.yml", () => {
    const text = readFileSync(join(ROOT, "action.yml"), "utf8");
    expect(checkFile("action", "action.yml", text)).toEqual([]);
  });

  it("accept every complete workflow the docs show", () => {
    expect(documentedWorkflows.length).toBeGreaterThanOrEqual(4);
    for (const { name, text } of documentedWorkflows) {
      expect(checkFile("workflow", name, text)).toEqual([]);
    }
  });
});

describe("the schema check itself", () => {
  it.each([
    [
      "an unknown event and a misspelled key",
      "on: pushh\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n",
      [
        "w.yml (Line: 1, Col: 5): Unexpected value 'pushh'",
        "w.yml (Line: 5, Col: 5): Unexpected value 'stepz'",
      ],
    ],
    [
      "a step with both `uses` and `run`, and a job without `runs-on`",
      "on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n        run: true\n",
      [
        "w.yml (Line: 6, Col: 9): Unexpected value 'run'",
        expect.stringContaining("Required property is missing: runs-on"),
      ],
    ],
    ["YAML that does not parse", "on: [push\n", [expect.stringMatching(/^w\.yml: /)]],
  ])("refuses a workflow with %s", (_, text, errors) => {
    expect(checkFile("workflow", "w.yml", text)).toEqual(errors);
  });

  it("refuses an action on a runtime GitHub does not have, and missing keys", () => {
    const errors = checkFile(
      "action",
      "action.yml",
      "name: x\ndescription: y\nruns:\n  using: node99\n  main: index.js\n",
    );
    expect(errors).toEqual(["action.yml (Line: 4, Col: 10): Unexpected value 'node99'"]);
    expect(checkFile("action", "action.yml", "name: x\nruns:\n  using: node24\n")).not.toEqual([]);
  });
});
