// Runs the committed bundle (dist/index.js, as is: dist.test.ts keeps it fresh) as the runner
// does: a fresh node process with INPUT_* (defaults from action.yml), GITHUB_* pointing at the
// simulator, and files for the event, outputs and job summary. Returns what the runner would see.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = path.join(ROOT, "dist/index.js");

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}

export async function readActionYml(): Promise<ActionYml> {
  return parse(await readFile(path.join(ROOT, "action.yml"), "utf8")) as ActionYml;
}

export interface ActionRunOptions {
  apiUrl: string;
  /** GITHUB_GRAPHQL_URL; `${apiUrl}/graphql` when not given ("" leaves it unset). */
  graphqlUrl?: string;
  event: string;
  payload: unknown;
  inputs?: Record<string, string>;
  repository?: string;
  /** The checkout; a fresh empty directory when not given. */
  workspace?: string;
  env?: Record<string, string>;
  /** Where the action runs from (GitHub runs it from its own checkout). */
  entry?: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** RUNNER_TEMP of the run. */
  temp: string;
  ms: number;
}

export async function runBundledAction(options: ActionRunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(path.join(tmpdir(), "shipgate-action-"));
  const files = {
    event: path.join(dir, "event.json"),
    output: path.join(dir, "output.txt"),
    summary: path.join(dir, "summary.md"),
  };
  await Promise.all([
    writeFile(files.event, JSON.stringify(options.payload)),
    writeFile(files.output, ""),
    writeFile(files.summary, ""),
  ]);
  const workspace = options.workspace ?? (await mkdtemp(path.join(tmpdir(), "shipgate-ws-")));
  const yml = await readActionYml();
  const inputs: Record<string, string> = { "github-token": "ghs_actions" };
  for (const [name, spec] of Object.entries(yml.inputs)) {
    if (spec.default !== undefined && !spec.default.includes("${{")) inputs[name] = spec.default;
  }
  Object.assign(inputs, options.inputs);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: options.repository ?? "acme/shop",
    GITHUB_API_URL: options.apiUrl,
    GITHUB_GRAPHQL_URL: options.graphqlUrl ?? `${options.apiUrl}/graphql`,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...options.env,
  };

  const started = performance.now();
  const child = spawn(process.execPath, [options.entry ?? DIST], { cwd: workspace, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const ms = performance.now() - started;
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(files.output, "utf8")),
    summary: await readFile(files.summary, "utf8"),
    temp: dir,
    ms,
  };
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter`, value lines, `delimiter`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!match?.[1] || !match[2]) continue;
    const end = lines.indexOf(match[2], i + 1);
    outputs[match[1]] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return outputs;
}

/** The workflow commands a run printed, e.g. `error` lines with their properties. */
export function workflowCommands(stdout: string, command: string): string[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith(`::${command} `) || line.startsWith(`::${command}::`));
}
