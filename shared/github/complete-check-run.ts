// Completes a check run with the rendered output and every annotation, 50 per request as GitHub
// requires: all batches but the last go first, so the run turns `completed` with all of them in.
import { chunk } from "../core/chunk.js";
import type { Annotation } from "../core/render/render-annotations.js";
import { ANNOTATIONS_PER_REQUEST } from "../core/render/render-annotations.js";
import type { CheckRunOutput } from "../core/render/render-check-run.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

export type CheckConclusion = "success" | "failure" | "neutral" | "skipped";

/** A rendered annotation, optionally narrowed to columns (config errors know theirs). */
export interface CheckAnnotation extends Annotation {
  start_column?: number;
  end_column?: number;
}

export interface CheckCompletion {
  conclusion: CheckConclusion;
  output: CheckRunOutput;
  annotations: readonly CheckAnnotation[];
}

export async function completeCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  completion: CheckCompletion,
): Promise<{ requests: number }> {
  const batches = chunk(completion.annotations, ANNOTATIONS_PER_REQUEST);
  const last = batches.pop() ?? [];
  const where = { owner: repo.owner, repo: repo.repo, check_run_id: checkRunId };
  const { title, summary } = completion.output;
  for (const annotations of batches) {
    await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...where,
      output: { title, summary, annotations },
    });
  }
  await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    ...where,
    status: "completed",
    conclusion: completion.conclusion,
    output: { ...completion.output, ...(last.length > 0 ? { annotations: last } : {}) },
  });
  return { requests: batches.length + 1 };
}
