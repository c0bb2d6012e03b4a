// Everything that needs no write access: the log, annotations (workflow commands), the job
// summary, the JSON report file and the step outputs. Runs first, so forks get all of it.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as core from "@actions/core";
import type { ConfigError } from "../shared/core/config/config-error.js";
import { renderJson } from "../shared/core/render/render-json.js";
import { renderSummary } from "../shared/core/render/render-summary.js";
import { renderText } from "../shared/core/render/render-text.js";
import {
  escapeData,
  escapeProperty,
  renderWorkflowCommands,
  WORKFLOW_ANNOTATIONS_PER_LEVEL,
} from "../shared/core/render/render-workflow-commands.js";
import type { PullRequestFacts, Verdict } from "../shared/core/types.js";
import { neutralizeCommands } from "./log-safely.js";
import type { RunnerEnv } from "./read-runner-env.js";

export interface LocalReport {
  verdict: Verdict;
  facts: PullRequestFacts | null;
  configErrors: readonly ConfigError[];
  configNotes: readonly string[];
  /** Line annotations; off when publishing a pull request's result from another workflow. */
  annotate: boolean;
}

export async function reportLocally(report: LocalReport, env: RunnerEnv): Promise<string> {
  const { verdict } = report;
  core.info(neutralizeCommands(renderText(verdict, { color: false })));
  const commands = report.annotate
    ? [
        // GitHub shows 10 annotations per level and step; the summary lists every error.
        ...report.configErrors.slice(0, WORKFLOW_ANNOTATIONS_PER_LEVEL).map(configErrorCommand),
        ...renderWorkflowCommands(verdict),
      ]
    : [];
  // Deliberate commands, each already escaped by its renderer.
  for (const command of commands) process.stdout.write(`${command}\n`);

  if (env.stepSummary) {
    await core.summary.addRaw(renderSummary(verdict, { configNotes: report.configNotes })).write();
  }
  const reportPath = path.join(env.outputDir, "report.json");
  await mkdir(env.outputDir, { recursive: true });
  await writeFile(reportPath, renderJson(verdict));
  setOutputs(verdict, report.facts, reportPath);
  return reportPath;
}

function setOutputs(verdict: Verdict, facts: PullRequestFacts | null, reportPath: string): void {
  const metrics = (id: string) => verdict.rules.find((rule) => rule.id === id)?.metrics ?? {};
  const coverage = metrics("coverage").patchCoverage;
  const size = metrics("size");
  const lines =
    typeof size.lines === "number"
      ? size.lines
      : facts?.files.reduce((sum, file) => sum + file.additions + file.deletions, 0);
  core.setOutput("conclusion", verdict.conclusion);
  core.setOutput("report", reportPath);
  core.setOutput("patch-coverage", typeof coverage === "number" ? String(coverage) : "");
  core.setOutput("changed-lines", lines === undefined ? "" : String(lines));
  core.setOutput("size-label", typeof size.bucket === "string" ? `size/${size.bucket}` : "");
}

function configErrorCommand(error: ConfigError): string {
  const properties = [
    `file=${escapeProperty(error.file)}`,
    `line=${error.line}`,
    `col=${error.column}`,
    `title=${escapeProperty("shipgate: invalid configuration")}`,
  ].join(",");
  const message = error.path === "" ? error.message : `${error.path}: ${error.message}`;
  return `::error ${properties}::${escapeData(message)}`;
}
