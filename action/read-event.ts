// Decides what this run is about from the event name and payload: a pull request to evaluate,
// a merge group, or a finished workflow run whose evaluation to publish. Anything else is an
// error that names what is supported.
import type { ApiPullRequest } from "../shared/github/api-pull-request.js";
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

interface Payload {
  action?: string;
  pull_request?: ApiPullRequest;
  merge_group?: { head_sha?: string; base_ref?: string };
  workflow_run?: { id?: number; head_sha?: string; event?: string };
}

export function readEvent(eventName: string, payload: Payload): EventResult {
  const action = payload.action ?? "";
  switch (eventName) {
    case "pull_request":
    case "pull_request_target": {
      if (!payload.pull_request) return fail(`the ${eventName} payload has no pull_request`);
      if (!(PULL_REQUEST_ACTIONS as readonly string[]).includes(action)) {
        return skip(
          `${eventName}.${action} is not evaluated; shipgate runs on ${PULL_REQUEST_ACTIONS.join(", ")}`,
        );
      }
      return ok({
        kind: "pull-request",
        event: eventName,
        action,
        pullRequest: payload.pull_request,
      });
    }
    case "merge_group":
      return ok({
        kind: "merge-group",
        headSha: payload.merge_group?.head_sha ?? "",
        baseRef: payload.merge_group?.base_ref ?? "",
      });
    case "workflow_run": {
      const run = payload.workflow_run;
      if (typeof run?.id !== "number")
        return fail("the workflow_run payload has no workflow_run.id");
      return ok({
        kind: "workflow-run",
        runId: run.id,
        headSha: run.head_sha ?? "",
        event: run.event ?? "",
      });
    }
    default:
      return fail(
        `the ${eventName || "(unknown)"} event is not supported; run shipgate on ${SUPPORTED_EVENTS.join(", ")} (workflow_run with mode: publish)`,
      );
  }
}

const ok = (target: RunTarget): EventResult => ({ ok: true, target });
const skip = (reason: string): EventResult => ({ ok: true, target: { kind: "skip", reason } });
const fail = (error: string): EventResult => ({ ok: false, error });
