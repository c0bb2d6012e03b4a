// Decides what this run is about from the event name and payload: a pull request to evaluate,
// a merge group, or a finished workflow run whose evaluation to publish. Anything else is an
// error that names what is supported. The payload is checked field by field (it is read from a
// file, and every field is used later): a wrong one is named here, not met as a TypeError.
import { z } from "zod";
import { apiPullRequestSchema, type ApiPullRequest } from "../shared/github/api-pull-request.js";
import { commitShaSchema } from "../shared/github/parse-answer.js";
import { PULL_REQUEST_ACTIONS } from "../shared/github/pull-request-actions.js";

export const SUPPORTED_EVENTS = [
  "pull_request",
  "pull_request_target",
  "merge_group",
  "workflow_run",
];

export type RunTarget =
  | { kind: "pull-request"; event: string; action: string; pullRequest: ApiPullRequest }
  | { kind: "skip"; reason: string }
  | { kind: "merge-group"; headSha: string; baseRef: string }
  | { kind: "workflow-run"; runId: number; headSha: string; event: string };

export type EventResult = { ok: true; target: RunTarget } | { ok: false; error: string };

const payloadSchemas = {
  pull_request: z.object({ action: z.string(), pull_request: apiPullRequestSchema }),
  merge_group: z.object({
    merge_group: z.object({ head_sha: commitShaSchema, base_ref: z.string() }),
  }),
  workflow_run: z.object({
    workflow_run: z.object({
      id: z.number().int().positive(),
      head_sha: commitShaSchema,
      event: z.string(),
    }),
  }),
};

/** `payload` is the event file's JSON, as read: anything at all. */
export function readEvent(eventName: string, payload: unknown): EventResult {
  if (!SUPPORTED_EVENTS.includes(eventName)) {
    return fail(
      `the ${eventName || "(unknown)"} event is not supported; run shipgate on ${SUPPORTED_EVENTS.join(", ")} (workflow_run with mode: publish)`,
    );
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return fail(`the ${eventName} event payload is ${describe(payload)}, not a JSON object`);
  }
  switch (eventName) {
    case "pull_request":
    case "pull_request_target": {
      const fields = payload as { action?: unknown; pull_request?: unknown };
      if (fields.pull_request === undefined) {
        return fail(`the ${eventName} payload has no pull_request`);
      }
      const action = typeof fields.action === "string" ? fields.action : "";
      if (!(PULL_REQUEST_ACTIONS as readonly string[]).includes(action)) {
        return skip(
          `${eventName}.${action} is not evaluated; shipgate runs on ${PULL_REQUEST_ACTIONS.join(", ")}`,
        );
      }
      const parsed = payloadSchemas.pull_request.safeParse(payload);
      if (!parsed.success) return invalid(eventName, parsed.error);
      const pullRequest: ApiPullRequest = parsed.data.pull_request;
      return ok({ kind: "pull-request", event: eventName, action, pullRequest });
    }
    case "merge_group": {
      const parsed = payloadSchemas.merge_group.safeParse(payload);
      if (!parsed.success) return invalid(eventName, parsed.error);
      const group = parsed.data.merge_group;
      return ok({ kind: "merge-group", headSha: group.head_sha, baseRef: group.base_ref });
    }
    default: {
      const parsed = payloadSchemas.workflow_run.safeParse(payload);
      if (!parsed.success) return invalid(eventName, parsed.error);
      const run = parsed.data.workflow_run;
      return ok({ kind: "workflow-run", runId: run.id, headSha: run.head_sha, event: run.event });
    }
  }
}

/** Names the first wrong field and what was expected, e.g. `pull_request.base.sha: ...`. */
function invalid(eventName: string, error: z.ZodError): EventResult {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join(".") || "(the payload)";
  return fail(
    `the ${eventName} event payload is not what GitHub sends: ${path}: ${issue?.message ?? "unexpected shape"}`,
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "a list" : `a ${typeof value}`;
}

const ok = (target: RunTarget): EventResult => ({ ok: true, target });
const skip = (reason: string): EventResult => ({ ok: true, target: { kind: "skip", reason } });
const fail = (error: string): EventResult => ({ ok: false, error });
