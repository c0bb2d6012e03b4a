// The shipgate GitHub App as a Probot app function. Webhook handlers only record jobs (the
// webhook is answered at once); the job processor evaluates them. Everything time-, retry- or
// identity-related comes in through AppOptions, so tests run it against the simulator without
// patching modules.
import type { ApplicationFunction, Context, Probot } from "probot";
import type { AppRuntime, AppOptions } from "./app-runtime.js";
import { createRuntimeClient } from "./app-runtime.js";
import { createArtifactReader } from "./coverage/create-artifact-reader.js";
import { DEPENDENCY_EVENTS, handleDependencyMoved } from "./handle-dependency-moved.js";
import { handleIssueComment } from "./handle-issue-comment.js";
import { handlePullRequest, PULL_REQUEST_EVENTS } from "./handle-pull-request.js";
import { handleCheckRunRerequested, handleCheckSuiteRerequested } from "./handle-rerequest.js";
import { handleWorkflowRun } from "./handle-workflow-run.js";
import { createEvaluationQueue } from "./queue/create-evaluation-queue.js";
import { createMemoryJobStore } from "./queue/create-memory-job-store.js";
import { createMemoryTransport } from "./queue/create-memory-transport.js";
import { createJobProcessor, type JobLogger } from "./queue/process-evaluation-job.js";
import type { GitHubClient } from "../shared/github/github-client.js";
import { readAppSlug } from "../shared/github/read-app-slug.js";

export type { AppOptions } from "./app-runtime.js";

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    let slug: Promise<string> | undefined;
    const runtime: AppRuntime = {
      clientFor: createRuntimeClient(options.retry),
      botLogin: async () => {
        slug ??= options.appSlug !== undefined ? Promise.resolve(options.appSlug) : readSlug(app);
        return `${await slug}[bot]`;
      },
      jobs:
        options.jobs ??
        createEvaluationQueue(
          createMemoryTransport(),
          createMemoryJobStore(options.deliveryCapacity),
        ),
      metrics: options.metrics,
      waitForJobs: options.waitForJobs ?? false,
      now: options.now ?? (() => new Date()),
      reviewComments: options.reviewComments ?? true,
      onVerdict: options.onVerdict,
      // In the bundle (build/app.mjs) this module's URL is the bundle's, next to the worker's.
      readArtifact:
        options.readArtifact ??
        createArtifactReader({ workerUrl: new URL("./artifact-worker.mjs", import.meta.url) }),
    };
    const processor = createJobProcessor({
      runtime,
      queue: runtime.jobs,
      clientFor: async (id) => runtime.clientFor(await app.auth(id)),
      log: app.log as unknown as JobLogger,
      leaseMs: options.leaseMs ?? 30_000,
      ...(options.metrics ? { onFinished: options.metrics.observe } : {}),
    });
    runtime.jobs.start(processor.process);
    options.onJobs?.({
      queue: runtime.jobs,
      completeInterrupted: () => processor.completeInterrupted(),
    });

    const queued =
      <C extends Context>(handler: (context: C, runtime: AppRuntime) => Promise<void>) =>
      (context: C) =>
        handler(context, runtime);

    app.on([...PULL_REQUEST_EVENTS], queued(handlePullRequest));
    app.on("check_run.rerequested", queued(handleCheckRunRerequested));
    app.on("check_suite.rerequested", queued(handleCheckSuiteRerequested));
    app.on("workflow_run.completed", queued(handleWorkflowRun));
    app.on("issue_comment.created", queued(handleIssueComment));
    app.on([...DEPENDENCY_EVENTS], queued(handleDependencyMoved));
  };
}

async function readSlug(app: Probot): Promise<string> {
  return readAppSlug((await app.auth()) as unknown as GitHubClient);
}
