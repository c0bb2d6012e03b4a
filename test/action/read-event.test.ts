// Which events the action handles, with payloads from @octokit/webhooks-examples.
import { readEvent } from "../../action/read-event.js";
import { examplePayload } from "./payloads.js";

describe("readEvent", () => {
  it.each([
    "opened",
    "synchronize",
    "reopened",
    "edited",
    "labeled",
    "unlabeled",
    "ready_for_review",
  ])("evaluates pull_request.%s", (action) => {
    const payload = examplePayload("pull_request", "opened", { action });
    const result = readEvent("pull_request", payload);
    expect(result).toMatchObject({ ok: true, target: { kind: "pull-request", action } });
  });

  it("evaluates pull_request_target like pull_request", () => {
    const payload = examplePayload("pull_request", "synchronize");
    expect(readEvent("pull_request_target", payload)).toMatchObject({
      ok: true,
      target: { kind: "pull-request", event: "pull_request_target" },
    });
  });

  it("skips other pull_request activity with a reason", () => {
    const result = readEvent("pull_request", examplePayload("pull_request", "closed"));
    expect(result).toEqual({
      ok: true,
      target: {
        kind: "skip",
        reason: expect.stringContaining("pull_request.closed is not evaluated"),
      },
    });
  });

  it("reads a merge group", () => {
    const result = readEvent("merge_group", examplePayload("merge_group", "checks_requested"));
    expect(result).toMatchObject({
      ok: true,
      target: { kind: "merge-group", headSha: expect.stringMatching(/^[0-9a-f]{40}$/) },
    });
  });

  it("reads a workflow run", () => {
    const payload = examplePayload("workflow_run", "completed");
    expect(readEvent("workflow_run", payload)).toMatchObject({
      ok: true,
      target: { kind: "workflow-run", runId: expect.any(Number), headSha: expect.any(String) },
    });
  });

  it.each(["push", "issues", "schedule", ""])("refuses %j, naming the supported events", (name) => {
    const result = readEvent(name, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /pull_request, pull_request_target, merge_group, workflow_run/,
    );
  });
});
