// What every handler shares: how to make a client, who the App's bot is, the per-PR queue, the
// clock. Built once per app function from AppOptions, so tests inject time, retries and slug.
import type { RetryOptions } from "../shared/github/create-retrying-client.js";
import type { GitHubClient } from "../shared/github/github-client.js";
import type { AppLogger } from "./app-logger.js";
import type { ArtifactReader } from "./coverage/create-artifact-reader.js";
import { createGitHubClient, type OctokitLike } from "./create-github-client.js";
import type { EvaluationRequest, VerdictListener } from "./run-evaluation.js";
import type { EvaluationQueue } from "./queue/create-evaluation-queue.js";
import type { QueueMetrics } from "./queue/create-queue-metrics.js";

export interface AppOptions {
  now?: () => Date;
  /** Retries of shared/github's client (waits, counts, sleep). */
  retry?: RetryOptions;
  /** The App's slug, when known; otherwise asked once from `GET /app`. */
  appSlug?: string;
  /** Inline review comments on uncovered lines (default true), as the Action does. */
  reviewComments?: boolean;
  /** Recent delivery ids remembered to drop duplicates (default 5000; Redis keeps 7 days). */
  deliveryCapacity?: number;
  /** The job queue (default: in-process); server.ts passes BullMQ's when REDIS_URL is set. */
  jobs?: EvaluationQueue;
  /** How long a pull request's lease lasts without renewal (default 30 s). */
  leaseMs?: number;
  /**
   * Answer a webhook only once the queue has run its work (default false). For hosts that freeze
   * the process after the answer (AWS Lambda), where work left in the queue would never run.
   */
  waitForJobs?: boolean;
  /** Counts webhooks and jobs (server.ts: the /metrics endpoint). */
  metrics?: Pick<QueueMetrics, "observe" | "webhook">;
  /** Given the running queue and processor once the app is loaded: for shutdown and /health. */
  onJobs?: (jobs: QueuedJobs) => void;
  /** Told of every verdict published (its check run completed): for parity tests and metrics. */
  onVerdict?: VerdictListener;
  /**
   * Reads coverage artifacts (default: a worker running build/artifact-worker.mjs next to the
   * bundle, with a 32 MB limit); see create-artifact-reader.ts.
   */
  readArtifact?: ArtifactReader;
}

export interface QueuedJobs {
  queue: EvaluationQueue;
  /** Completes the check runs of jobs still running (neutral, with a reason). */
  completeInterrupted(): Promise<void>;
}

export interface AppRuntime {
  clientFor(octokit: OctokitLike): GitHubClient;
  botLogin(): Promise<string>;
  /** Evaluations: acknowledged webhooks wait here. */
  jobs: EvaluationQueue;
  metrics: Pick<QueueMetrics, "observe" | "webhook"> | undefined;
  waitForJobs: boolean;
  now(): Date;
  reviewComments: boolean;
  onVerdict: VerdictListener | undefined;
  readArtifact: ArtifactReader;
}

/** The parts of a request every handler fills the same way. */
export function baseRequest(
  runtime: AppRuntime,
  context: { id: string; log: AppLogger },
  client: GitHubClient,
): Pick<
  EvaluationRequest,
  "client" | "deliveryId" | "botLogin" | "log" | "reviewComments" | "onVerdict" | "readArtifact"
> {
  return {
    client,
    deliveryId: context.id,
    botLogin: () => runtime.botLogin(),
    log: context.log,
    reviewComments: runtime.reviewComments,
    onVerdict: runtime.onVerdict,
    readArtifact: runtime.readArtifact,
  };
}

export function createRuntimeClient(retry: RetryOptions | undefined) {
  return (octokit: OctokitLike) => createGitHubClient(octokit, retry);
}
