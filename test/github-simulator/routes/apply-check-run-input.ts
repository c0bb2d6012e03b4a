// Applies a check-run create/update body to a run record the way GitHub does: a conclusion
// completes the run, annotations accumulate, and at most 50 annotations come per request.
import { unprocessable, type RouteResult } from "../route-kit.js";
import type { Annotation, CheckRunRecord } from "../types.js";

export const MAX_ANNOTATIONS_PER_REQUEST = 50;

/** Applies a create/update body to a run; returns GitHub's 422 if the body is not acceptable. */
export function applyCheckRunInput(
  run: CheckRunRecord,
  input: Record<string, unknown>,
  now: () => string,
): RouteResult | undefined {
  const output = (input.output ?? {}) as Record<string, unknown>;
  const annotations = Array.isArray(output.annotations) ? (output.annotations as Annotation[]) : [];
  if (annotations.length > MAX_ANNOTATIONS_PER_REQUEST) {
    return unprocessable(
      `Invalid request.\n\nOnly ${MAX_ANNOTATIONS_PER_REQUEST} annotations are allowed per request.`,
    );
  }
  if (typeof input.name === "string") run.name = input.name;
  if (typeof input.details_url === "string") run.detailsUrl = input.details_url;
  if (typeof input.external_id === "string") run.externalId = input.external_id;
  if (typeof input.started_at === "string") run.startedAt = input.started_at;
  if (typeof input.status === "string") run.status = input.status;
  if (typeof input.conclusion === "string") {
    // Setting a conclusion completes the run, whatever status was sent.
    run.conclusion = input.conclusion;
    run.status = "completed";
  }
  if (run.status === "completed" && run.conclusion === null) {
    return unprocessable('Invalid request.\n\n"conclusion" wasn\'t supplied.');
  }
  if (run.status === "completed") {
    run.completedAt =
      typeof input.completed_at === "string" ? input.completed_at : (run.completedAt ?? now());
  }
  for (const key of ["title", "summary", "text"] as const) {
    if (typeof output[key] === "string") run.output[key] = output[key];
  }
  run.annotations.push(...annotations);
  return undefined;
}
