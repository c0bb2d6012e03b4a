// merge_group: the gate judged every pull request in the group before it could enter the queue,
// always with the base branch's config. The group itself is not judged again (a batch of several
// pull requests is no slice anyone reviewed), but the required check must report: it passes.
import * as core from "@actions/core";
import type { RunTarget } from "./read-event.js";
import type { RunnerEnv } from "./read-runner-env.js";

export const MERGE_GROUP_NOTE =
  "shipgate judged each pull request in this merge group before it entered the queue, with the base branch's configuration. The merge group itself is not judged again, so this required check passes.";

export async function runMergeGroup(
  target: Extract<RunTarget, { kind: "merge-group" }>,
  runner: RunnerEnv,
): Promise<void> {
  core.info(`shipgate: merge group ${target.headSha.slice(0, 7)}: ${MERGE_GROUP_NOTE}`);
  if (runner.stepSummary) {
    await core.summary.addRaw(`### ✅ shipgate: merge group\n\n${MERGE_GROUP_NOTE}\n`).write();
  }
  core.setOutput("conclusion", "success");
  for (const name of ["report", "patch-coverage", "changed-lines", "size-label"])
    core.setOutput(name, "");
}
