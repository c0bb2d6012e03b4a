// Runs the action: validate inputs, read the event, then evaluate a pull request, report a merge
// group, or publish an earlier evaluation. Errors end in one clear failure line, never a stack.
import { readFile } from "node:fs/promises";
import * as core from "@actions/core";
import { messageOf } from "../shared/github/github-client.js";
import { createActionClient } from "./create-action-client.js";
import { neutralizeCommands } from "./log-safely.js";
import { readEvent } from "./read-event.js";
import { readInputs } from "./read-inputs.js";
import { readRunnerEnv } from "./read-runner-env.js";
import { runMergeGroup } from "./run-merge-group.js";
import { runPublish } from "./run-publish.js";
import { runPullRequest } from "./run-pull-request.js";

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const read = readInputs((name) => core.getInput(name));
    if (!read.ok) {
      core.setFailed(`shipgate: ${read.errors.join("\n")}`);
      return;
    }
    const inputs = read.inputs;
    const runner = readRunnerEnv(env);
    if (runner.eventPath === "") {
      throw new Error(
        "GITHUB_EVENT_PATH is not set: this action runs in GitHub Actions (locally, run `shipgate check`)",
      );
    }
    const event = readEvent(runner.eventName, JSON.parse(await readFile(runner.eventPath, "utf8")));
    if (!event.ok) {
      core.setFailed(`shipgate: ${event.error}`);
      return;
    }
    const target = event.target;
    const publishes = target.kind === "workflow-run";
    if (publishes !== (inputs.mode === "publish") && target.kind !== "skip") {
      core.setFailed(
        publishes
          ? `shipgate: on workflow_run, set \`mode: publish\` (mode is ${inputs.mode})`
          : `shipgate: \`mode: publish\` runs on workflow_run, not on ${runner.eventName}; use mode: full or evaluate here`,
      );
      return;
    }
    switch (target.kind) {
      case "skip":
        core.info(neutralizeCommands(`shipgate: ${target.reason}`));
        return;
      case "merge-group":
        return await runMergeGroup(target, runner);
      case "pull-request":
        return await runPullRequest(
          createActionClient(inputs.token, runner.apiUrl),
          target,
          inputs,
          runner,
        );
      case "workflow-run":
        return await runPublish(
          createActionClient(inputs.token, runner.apiUrl),
          target,
          inputs,
          runner,
        );
    }
  } catch (error) {
    core.setFailed(`shipgate: ${messageOf(error)}`);
  }
}
