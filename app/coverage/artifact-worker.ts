// The reader's process (bundled to build/artifact-worker.mjs, forked by create-artifact-reader.ts):
// reads one artifact's reports and sends them back, or — for an evaluation — reads the artifact,
// evaluates the pull request with it and sends back only what the App writes about the verdict
// (render-judgement.ts), so neither a large report nor a large pull request is ever parsed,
// judged or rendered on the App's event loop.
import type { Config } from "../../shared/core/config/config-schema.js";
import { evaluate, type EvaluateOptions } from "../../shared/core/evaluate.js";
import type { PullRequestFacts } from "../../shared/core/types.js";
import { renderJudgement, type JudgementRequest } from "../render-judgement.js";
import { readArtifactReports, type ArtifactReadOptions } from "./read-artifact-reports.js";

export interface ArtifactJob {
  kind: "read";
  zip: Uint8Array;
  options: ArtifactReadOptions;
}

export interface EvaluationJob {
  kind: "evaluate";
  /** The facts; their coverage is replaced by the artifact's when there is one. */
  facts: PullRequestFacts;
  config: Config;
  options: EvaluateOptions;
  artifact: { zip: Uint8Array; options: ArtifactReadOptions } | null;
  /** What to render about the verdict. */
  render: JudgementRequest;
}

export type ReaderJob = ArtifactJob | EvaluationJob;

async function run(job: ReaderJob): Promise<unknown> {
  if (job.kind === "read") return readArtifactReports(job.zip, job.options);
  const coverage = job.artifact
    ? await readArtifactReports(job.artifact.zip, job.artifact.options)
    : job.facts.coverage;
  return renderJudgement(evaluate({ ...job.facts, coverage }, job.config, job.options), job.render);
}

// The App's channel closes when the App is gone (SIGKILL, a crash): nobody is left to read the
// result, so the reader stops at its next await instead of finishing the job as an orphan. When
// it has sent its result it disconnects itself, and stops the same way.
process.once("disconnect", () => process.exit(0));

process.once("message", (job: ReaderJob) => {
  void run(job).then((result) => process.send?.(result, () => process.disconnect()));
});
