// Runs the action: validate inputs, read the event, then evaluate a pull request, report a merge
// group, or publish an earlier evaluation, all within the `timeout` input. Errors end in one
// clear failure line, never a stack.
import { readFile } from "node:fs/promises";
import * as core from "@actions/core";
import { isTimeLimitError, TimeLimitError } from "../shared/github/create-time-limited-client.js";
import { messageOf } from "../shared/github/github-client.js";
import { createActionClient } from "./create-action-client.js";
import { neutralizeCommands } from "./log-safely.js";
import { readEvent } from "./read-event.js";
import { readInputs, type ActionInputs } from "./read-inputs.js";
import { readRunnerEnv, type RunnerEnv } from "./read-runner-env.js";
import { runDependants } from "./run-dependants.js";
import { runMergeGroup } from "./run-merge-group.js";
import { runPublish } from "./run-publish.js";
import { runPullRequest } from "./run-pull-request.js";

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const read = readInputs((name) => core.getInput(name));
  if (!read.ok) {
    core.setFailed(`shipgate: ${read.errors.join("\n")}`);
    return;
  }
  const inputs = read.inputs;
  const runner = readRunnerEnv(env);
  const deadline = startDeadline(inputs.timeoutMs, runner.apiUrl);
  try {
    // The deadline also ends a run whose work does not notice the abort (it only stops requests).
    await Promise.race([runTarget(inputs, runner, deadline.signal, env), deadline.passed]);
  } catch (error) {
    core.setFailed(`shipgate: ${describeFailure(error, runner)}`);
  } finally {
    deadline.stop();
  }
}

async function runTarget(
  inputs: ActionInputs,
  runner: RunnerEnv,
  deadline: AbortSignal,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const payload = await readEventFile(runner.eventPath);
  const client = () =>
    createActionClient({
      token: inputs.token,
      apiUrl: runner.apiUrl,
      requestTimeoutMs: inputs.requestTimeoutMs,
      deadline,
      ...(env.ACTIONS_ORCHESTRATION_ID ? { orchestrationId: env.ACTIONS_ORCHESTRATION_ID } : {}),
    });
  if (inputs.mode === "dependants") return await runDependants(client(), payload, inputs, runner);
  const event = readEvent(runner.eventName, payload);
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
      return await runPullRequest(client(), target, inputs, runner);
    case "workflow-run":
      return await runPublish(client(), target, inputs, runner);
  }
}

/** The event file's JSON; an unreadable or malformed file is an error that says which. */
async function readEventFile(path: string): Promise<unknown> {
  if (path === "") {
    throw new Error(
      "GITHUB_EVENT_PATH is not set: this action runs in GitHub Actions (locally, run `shipgate check`)",
    );
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? messageOf(error);
    throw new Error(`cannot read the event file GITHUB_EVENT_PATH (${path}): ${code}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the event file GITHUB_EVENT_PATH (${path}) is not JSON: ${messageOf(error)}`);
  }
}

interface Deadline {
  signal: AbortSignal;
  /** Rejects with the deadline's TimeLimitError when the time is up. */
  passed: Promise<never>;
  stop(): void;
}

function startDeadline(ms: number, apiUrl: string): Deadline {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const passed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeLimitError(
        `stopped after ${ms / 1000} s, the limit the \`timeout\` input sets: the run did not finish in time (is the GitHub API at ${apiUrl} slow or not answering?); requests still open were abandoned`,
        "deadline",
      );
      controller.abort(error);
      reject(error);
    }, ms);
  });
  return { signal: controller.signal, passed, stop: () => clearTimeout(timer) };
}

function describeFailure(error: unknown, runner: RunnerEnv): string {
  if (isTimeLimitError(error, "request")) {
    return `${error.message}, the limit the \`request-timeout\` input sets (is the GitHub API at ${runner.apiUrl} reachable?)`;
  }
  return messageOf(error);
}
