// The GitHub Action's docs (docs/action.md) must match action.yml (every input with its default,
// every output); the workflow examples in the README and docs/ and this repository's own
// workflows must parse and pass only inputs the action declares, with the permissions and
// artifact names the code relies on.
import { readdirSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { EVALUATION_ARTIFACT, EVALUATION_FILE } from "../../action/evaluation-file.js";
import { readTable, splitMarkdown, type TableRow } from "../helpers/markdown-doc.js";

const ROOT = new URL("../../", import.meta.url);
/** The placeholder every example in the docs uses for the published action. */
const ACTION_REF = "your-org/shipgate@v1";

interface ActionSpec {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}

/** A YAML document that runs the action: a workflow file, or an example in the docs. */
interface WorkflowDoc {
  where: string;
  data: unknown;
}

interface Step {
  uses: string;
  with: Record<string, unknown>;
}

/** How the inputs table writes a default: in a code span, or `(empty)` for none. */
function renderDefault(value: string | undefined): string {
  return value === undefined || value === "" ? "(empty)" : `\`${value}\``;
}

function checkInputsTable(rows: readonly TableRow[], spec: ActionSpec): string[] {
  const problems: string[] = [];
  const byName = new Map(rows.map((row) => [row.name, row.cell]));
  for (const [name, input] of Object.entries(spec.inputs)) {
    const cell = byName.get(name);
    const expected = renderDefault(input.default);
    if (cell === undefined) problems.push(`input \`${name}\` has no row`);
    else if (cell !== expected)
      problems.push(`input \`${name}\`: the docs say ${cell}, action.yml says ${expected}`);
  }
  for (const row of rows) {
    if (!(row.name in spec.inputs)) problems.push(`input \`${row.name}\` is not in action.yml`);
  }
  return problems;
}

function checkOutputsTable(rows: readonly TableRow[], spec: ActionSpec): string[] {
  const documented = new Set(rows.map((row) => row.name));
  return [
    ...Object.keys(spec.outputs)
      .filter((name) => !documented.has(name))
      .map((name) => `output \`${name}\` has no row`),
    ...[...documented]
      .filter((name) => !(name in spec.outputs))
      .map((name) => `output \`${name}\` is not in action.yml`),
  ];
}

/** Every step (a mapping with `uses`) anywhere in a parsed document. */
function findSteps(data: unknown): Step[] {
  if (Array.isArray(data)) return data.flatMap(findSteps);
  if (typeof data !== "object" || data === null) return [];
  const record = data as Record<string, unknown>;
  const own: Step[] =
    typeof record.uses === "string"
      ? [{ uses: record.uses, with: (record.with ?? {}) as Record<string, unknown> }]
      : [];
  return [...own, ...Object.values(record).flatMap(findSteps)];
}

const isShipgate = (uses: string): boolean => uses === "./" || /(^|\/)shipgate@/.test(uses);

/** Inputs the action does not declare, and references other than the documented one. */
function checkSteps(doc: WorkflowDoc, spec: ActionSpec, allowedRefs: readonly string[]): string[] {
  return findSteps(doc.data)
    .filter((step) => isShipgate(step.uses))
    .flatMap((step) => [
      ...(allowedRefs.includes(step.uses) ? [] : [`${doc.where}: uses ${step.uses}`]),
      ...Object.keys(step.with)
        .filter((key) => !(key in spec.inputs))
        .map((key) => `${doc.where}: input \`${key}\` is not in action.yml`),
    ]);
}

/** The permissions the action needs in the mode a workflow runs it in (docs/action.md). */
function checkPermissions(doc: WorkflowDoc): string[] {
  const workflow = doc.data as { permissions?: Record<string, string>; jobs?: unknown };
  if (typeof workflow?.jobs !== "object") return [];
  const modes = findSteps(workflow.jobs)
    .filter((step) => isShipgate(step.uses))
    .map((step) => String(step.with.mode ?? "full"));
  if (modes.length === 0) return [];
  const wanted: Record<string, string> = { contents: "read", issues: "read" };
  if (modes.some((mode) => mode !== "evaluate" && mode !== "dependants"))
    wanted["pull-requests"] = "write";
  // dependants searches and lists pull requests, and re-runs the gate's workflow runs.
  if (modes.includes("dependants")) {
    wanted["pull-requests"] ??= "read";
    wanted.actions = "write";
  } else if (modes.includes("publish")) wanted.actions = "read";
  const granted = workflow.permissions ?? {};
  return Object.entries(wanted)
    .filter(([scope, access]) => granted[scope] !== access && granted[scope] !== "write")
    .map(([scope, access]) => `${doc.where}: needs \`${scope}: ${access}\``);
}

/** An evaluate run must upload the file publish looks for, under the name it looks for. */
function checkEvaluationUpload(doc: WorkflowDoc): string[] {
  const steps = findSteps(doc.data);
  if (!steps.some((step) => isShipgate(step.uses) && step.with.mode === "evaluate")) return [];
  const upload = steps.find((step) => step.uses.startsWith("actions/upload-artifact@"));
  const path = `\${{ runner.temp }}/shipgate/${EVALUATION_FILE}`;
  if (upload?.with.name === EVALUATION_ARTIFACT && upload.with.path === path) return [];
  return [`${doc.where}: upload ${path} as the artifact ${EVALUATION_ARTIFACT}`];
}

const spec = parseYaml(readFileSync(new URL("action.yml", ROOT), "utf8")) as ActionSpec;
const actionPage = splitMarkdown(readFileSync(new URL("docs/action.md", ROOT), "utf8"));
/** Every page that may show the action in a workflow: the README and the manual. */
const pages = [
  "README.md",
  ...readdirSync(new URL("docs/", ROOT))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];
const yamlBlocks = pages.flatMap((page) =>
  splitMarkdown(readFileSync(new URL(page, ROOT), "utf8"))
    .blocks.filter((block) => block.lang === "yaml")
    .map((block) => ({ ...block, where: `${page}:${block.line}` })),
);
const docExamples: WorkflowDoc[] = yamlBlocks.map((block) => ({
  where: block.where,
  data: parseYaml(block.text),
}));
const workflowDir = new URL(".github/workflows/", ROOT);
const workflowFiles = readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name));
const workflowDocs: WorkflowDoc[] = workflowFiles.map((name) => ({
  where: `.github/workflows/${name}`,
  data: parseYaml(readFileSync(new URL(name, workflowDir), "utf8")),
}));

describe("the GitHub Action's docs", () => {
  it("documents every input of action.yml with its default", () => {
    const rows = readTable(actionPage.prose, "## Inputs");
    expect(rows.length).toBe(Object.keys(spec.inputs).length);
    expect(checkInputsTable(rows, spec)).toEqual([]);
  });

  it("documents every output of action.yml", () => {
    const rows = readTable(actionPage.prose, "## Outputs");
    expect(rows.length).toBe(Object.keys(spec.outputs).length);
    expect(checkOutputsTable(rows, spec)).toEqual([]);
  });

  it("has YAML examples that parse, at least the three complete workflows", () => {
    for (const block of yamlBlocks) expect(() => parseYaml(block.text)).not.toThrow();
    const workflows = docExamples.filter((doc) => (doc.data as { jobs?: unknown })?.jobs);
    expect(workflows.length).toBeGreaterThanOrEqual(3);
  });

  it("runs the action by one reference and passes only declared inputs", () => {
    const steps = docExamples.flatMap((doc) => findSteps(doc.data));
    expect(steps.filter((step) => step.uses === ACTION_REF).length).toBeGreaterThanOrEqual(4);
    expect(docExamples.flatMap((doc) => checkSteps(doc, spec, [ACTION_REF]))).toEqual([]);
  });

  it("grants each example workflow the permissions its mode needs", () => {
    expect(docExamples.flatMap(checkPermissions)).toEqual([]);
  });

  it("uploads the evaluation under the names mode: publish reads", () => {
    expect(docExamples.flatMap(checkEvaluationUpload)).toEqual([]);
    expect(docExamples.some((doc) => checkEvaluationUpload(doc).length === 0)).toBe(true);
  });
});

describe("this repository's workflows", () => {
  it("include CI and the action run on its own pull requests", () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(["ci.yml", "shipgate.yml"]));
  });

  it("run the action as `uses: ./` with declared inputs and the permissions it needs", () => {
    const uses = workflowDocs.flatMap((doc) => findSteps(doc.data)).map((step) => step.uses);
    expect(uses).toContain("./");
    expect(workflowDocs.flatMap((doc) => checkSteps(doc, spec, ["./"]))).toEqual([]);
    expect(workflowDocs.flatMap(checkPermissions)).toEqual([]);
    expect(workflowDocs.flatMap(checkEvaluationUpload)).toEqual([]);
  });
});

describe("the checks themselves", () => {
  const small: ActionSpec = {
    inputs: { mode: { default: "full" }, coverage: { default: "" }, token: {} },
    outputs: { conclusion: {}, report: {} },
  };

  it.each([
    [
      [
        { name: "mode", cell: "`full`" },
        { name: "coverage", cell: "(empty)" },
      ],
      ["input `token` has no row"],
    ],
    [
      [
        { name: "mode", cell: "`auto`" },
        { name: "coverage", cell: '`""`' },
        { name: "token", cell: "(empty)" },
        { name: "extra", cell: "`x`" },
      ],
      [
        "input `mode`: the docs say `auto`, action.yml says `full`",
        'input `coverage`: the docs say `""`, action.yml says (empty)',
        "input `extra` is not in action.yml",
      ],
    ],
  ])("reports a wrong inputs table: %j", (rows, problems) => {
    expect(checkInputsTable(rows, small)).toEqual(problems);
  });

  it("reports a missing and an unknown output", () => {
    const rows = [
      { name: "conclusion", cell: "" },
      { name: "verdict", cell: "" },
    ];
    expect(checkOutputsTable(rows, small)).toEqual([
      "output `report` has no row",
      "output `verdict` is not in action.yml",
    ]);
  });

  it("reports an unknown input, another reference, and missing permissions", () => {
    const doc: WorkflowDoc = {
      where: "w.yml",
      data: {
        permissions: { contents: "read", "pull-requests": "read" },
        jobs: {
          a: { steps: [{ uses: "someone/shipgate@v2", with: { mode: "publish", fail: 1 } }] },
        },
      },
    };
    expect(checkSteps(doc, small, [ACTION_REF])).toEqual([
      "w.yml: uses someone/shipgate@v2",
      "w.yml: input `fail` is not in action.yml",
    ]);
    expect(checkPermissions(doc)).toEqual([
      "w.yml: needs `issues: read`",
      "w.yml: needs `pull-requests: write`",
      "w.yml: needs `actions: read`",
    ]);
  });

  it("reports an evaluation uploaded under another name", () => {
    const doc: WorkflowDoc = {
      where: "w.yml",
      data: [
        { uses: "./", with: { mode: "evaluate" } },
        { uses: "actions/upload-artifact@v4", with: { name: "verdict", path: "x.json" } },
      ],
    };
    expect(checkEvaluationUpload(doc)).toEqual([
      `w.yml: upload \${{ runner.temp }}/shipgate/${EVALUATION_FILE} as the artifact ${EVALUATION_ARTIFACT}`,
    ]);
  });
});
