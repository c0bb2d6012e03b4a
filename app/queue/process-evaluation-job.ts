// Runs one job: re-reads the pull request from GitHub and evaluates its current head, holding the
// pull request's lease so no other job (on any instance) writes to it meanwhile. A job that a
// later evaluation already covered does nothing; a job without a pull request number first finds
// the pull requests of its commit and queues one job each.
import { completeCheckRun, type CheckCompletion } from "../../shared/github/complete-check-run.js";
import { findPullRequestsForSha } from "../../shared/github/find-pull-requests-for-sha.js";
import { listCheckRuns } from "../../shared/github/list-check-runs.js";
import type { GitHubClient, RepoRef } from "../../shared/github/github-client.js";
import { readPullRequest } from "../../shared/github/read-pull-request.js";
import type { AppLogger } from "../app-logger.js";
import type { AppRuntime } from "../app-runtime.js";
import { coverageArtifact } from "../config/coverage-artifact.js";
import { readAppConfig } from "../config/read-app-config.js";
import { dependantsOf } from "../handle-dependency-moved.js";
import { checkCommand, planCommand } from "../handle-issue-comment.js";
import { isCoverageWorkflow } from "../handle-workflow-run.js";
import { runEvaluation } from "../run-evaluation.js";
import type { EvaluationQueue } from "./create-evaluation-queue.js";
import { carriesState, isHeadOnly, jobKey, type EvaluationJob } from "./evaluation-job.js";
import { findOrStartCheckRun } from "./find-or-start-check-run.js";
import type { JobOutcome } from "./create-queue-metrics.js";
import type { JobProcessor } from "./job-queue.js";

export interface JobLogger extends AppLogger {
  child(bindings: Record<string, unknown>): JobLogger;
}

export interface ProcessorDeps {
  runtime: AppRuntime;
  queue: EvaluationQueue;
  /** A client acting as the installation (a fresh token when needed). */
  clientFor(installationId: number): Promise<GitHubClient>;
  log: JobLogger;
  /** How long a pull request's lease lasts without renewal (a crashed holder's is freed then). */
  leaseMs: number;
  /** Told of each job run (a failed attempt too): for metrics. */
  onFinished?: (outcome: JobOutcome, ms: number) => void;
}

export interface JobProcessorPort {
  process: JobProcessor;
  /**
   * Completes (neutral, with a reason) the check runs of jobs still running: for an instance
   * stopping without Redis, where nobody else would take them over.
   */
  completeInterrupted(): Promise<void>;
}

export function createJobProcessor(deps: ProcessorDeps): JobProcessorPort {
  const { runtime, queue } = deps;
  const store = queue.store;
  const running = new Map<string, { client: GitHubClient; repo: RepoRef; checkRunId: number }>();
  const slug = async () => (await runtime.botLogin()).replace(/\[bot\]$/, "");

  const process: JobProcessor = async (job, info) => {
    const started = Date.now();
    let outcome: JobOutcome = "failed";
    try {
      const result = await run(job, info, (done) => void (outcome = done));
      if (result === "done") deps.onFinished?.(outcome, Date.now() - started);
      return result;
    } catch (error) {
      deps.onFinished?.("failed", Date.now() - started);
      deps.log.error(
        { ...jobFields(job, info), err: error },
        `shipgate: ${jobKey(job)}: job failed (attempt ${info.attempt + 1}); it is retried with backoff until its attempts run out`,
      );
      throw error;
    }
  };

  const run = async (
    job: EvaluationJob,
    info: Parameters<JobProcessor>[1],
    finished: (outcome: JobOutcome) => void,
  ): Promise<"done" | "busy"> => {
    const key = jobKey(job);
    const log = deps.log.child(jobFields(job, info));
    const client = await deps.clientFor(job.installationId);
    const repo = { owner: job.owner, repo: job.repo };
    if (job.number === undefined) {
      if (job.kind === "dependency_moved" && job.moved) {
        // Children keep this delivery id; a retried job re-adds the same ids (no duplicates).
        for (const number of await dependantsOf(client, repo, job.moved))
          await queue.add(
            { ...job, kind: "pull_request", action: "dependency", number, moved: undefined },
            { child: true },
          );
        return "done";
      }
      if (job.kind === "coverage_run" && job.run) {
        // Most completed workflows are not the coverage one: a cheap filter before any write.
        const config = await readAppConfig(client, { ...repo, ref: job.run.defaultBranch });
        if (!isCoverageWorkflow(coverageArtifact(config.result), job.run)) return "done";
      }
      const pulls = (job.pulls ?? []).map((number) => ({ number }));
      for (const number of await findPullRequestsForSha(client, repo, job.headSha, pulls))
        await queue.add({ ...job, number, pulls: [] }, { child: true });
      return "done";
    }

    // A `/shipgate` command: its usage reply or its author's permission first (no lease needed).
    const command =
      job.kind === "command" && job.comment
        ? await checkCommand(client, { ...repo, number: job.number }, job.comment)
        : undefined;
    if (command === null) {
      finished("covered");
      return "done";
    }

    const lease = await store.lease(key, deps.leaseMs);
    if (!lease) return "busy";
    try {
      const covered = await store.readCovered(key);
      if (
        covered &&
        !carriesState(job) &&
        ((job.seq ?? Infinity) <= covered.seq || (isHeadOnly(job) && covered.head === job.headSha))
      ) {
        log.info(`shipgate: ${key}: covered by the evaluation of ${covered.head.slice(0, 7)}`);
        finished("covered");
        return "done";
      }
      // Read before the pull request: every event counted so far happened before this read.
      const seq = await store.lastSeq(key);
      const pr = { ...repo, number: job.number };
      const pullRequest = await readPullRequest(client, pr);
      if (pullRequest.state === "closed") return "done";
      const head = pullRequest.head.sha;
      const plan =
        command && job.comment
          ? await planCommand(client, pr, command, job.comment, head, runtime)
          : {};
      if (plan === null) {
        finished("covered");
        return "done";
      }
      // A holder that died or was stopped left its check run: on an older head it is superseded.
      // Its head is recorded before the run is started, so a run started by a holder killed before
      // it learnt the run's id is found too (only runs still in progress: never a verdict).
      const left = await store.readInFlight(key);
      if (left && left.head !== head) await completeLeftRuns(client, repo, left.head, head, slug);
      await store.writeInFlight(key, { head });
      let check: { id: number; resumed: boolean };
      if (job.kind === "stale_check" && job.checkRunId !== undefined) {
        const stale = await takeStaleCheckRun(client, repo, job.checkRunId, job.headSha, head);
        if (stale !== "evaluate") {
          log.info(
            `shipgate: ${key}: stale check run ${job.checkRunId} ${stale === "completed" ? "was completed meanwhile" : `superseded by ${head.slice(0, 7)}`}`,
          );
          finished("covered");
          return "done";
        }
        check = { id: job.checkRunId, resumed: true };
      } else {
        check = await findOrStartCheckRun(client, repo, head, job.deliveryId, await slug());
      }
      await store.writeInFlight(key, { checkRunId: check.id, head });
      running.set(info.id, { client, repo, checkRunId: check.id });
      log.info(
        { checkRunId: check.id, evaluating: head },
        `shipgate: ${key}: evaluating ${head.slice(0, 7)}${check.resumed ? " (resuming its check run)" : ""}`,
      );
      const outcome = await runEvaluation({
        client,
        ...pr,
        headSha: head,
        pullRequest,
        checkRunId: check.id,
        deliveryId: job.deliveryId,
        botLogin: () => runtime.botLogin(),
        log,
        reviewComments: runtime.reviewComments,
        onVerdict: runtime.onVerdict,
        readArtifact: runtime.readArtifact,
        holdsPullRequest: () => lease.confirm(),
        ...(plan.updateState ? { updateState: plan.updateState } : {}),
        ...(job.kind === "coverage_run" && job.run ? { updateState: recordRun(job, job.run) } : {}),
      });
      if (outcome.kind === "yielded") {
        // Its check run stays in progress for the job holding the pull request, which takes
        // over a run in progress on its head or completes one on an older head as superseded;
        // else this job, run again, completes it.
        log.warn(
          `shipgate: ${key}: another job took the pull request while this one evaluated (its lease lapsed); published nothing, runs again shortly`,
        );
        return "busy";
      }
      finished(outcome.kind);
      // An error completed the check run as a failure; the retry evaluates again into it.
      if (outcome.kind === "errored") throw outcome.error;
      // The verdict is out: bookkeeping that fails now (Redis reconnecting) must not re-run the
      // evaluation; at worst a later event for this head evaluates it once more.
      await Promise.all([
        store.writeCovered(key, { seq, head }),
        store.writeInFlight(key, null),
      ]).catch((error: unknown) =>
        log.warn({ err: error }, `shipgate: ${key}: could not record the evaluation's outcome`),
      );
      return "done";
    } finally {
      running.delete(info.id);
      await lease.release().catch(() => undefined);
    }
  };

  return {
    process,
    async completeInterrupted() {
      await Promise.all(
        [...running.values()].map(({ client, repo, checkRunId }) =>
          completeCheckRun(client, repo, checkRunId, INTERRUPTED).catch(() => undefined),
        ),
      );
    },
  };
}

/** What every log line about a job carries. */
function jobFields(job: EvaluationJob, info: Parameters<JobProcessor>[1]) {
  return {
    deliveryId: job.deliveryId,
    jobId: info.id,
    pr: jobKey(job),
    head: job.headSha,
    attempt: info.attempt,
  };
}

const INTERRUPTED: CheckCompletion = {
  conclusion: "neutral",
  output: {
    title: "shipgate was stopped before it finished",
    summary:
      "The App was shut down while it evaluated this commit, and it runs without a shared queue (REDIS_URL) that would hand the work to another instance. Re-run this check, or push, to evaluate it.",
    text: "",
  },
  annotations: [],
};

function superseded(head: string): CheckCompletion {
  return {
    conclusion: "skipped",
    output: {
      title: "Superseded by a newer push",
      summary: `The pull request's head moved to \`${head.slice(0, 7)}\` while this commit was evaluated; the verdict is on the newer commit.`,
      text: "",
    },
    annotations: [],
  };
}

async function completeLeftRuns(
  client: GitHubClient,
  repo: RepoRef,
  leftHead: string,
  head: string,
  slug: () => Promise<string>,
): Promise<void> {
  const app = await slug();
  for (const run of await listCheckRuns(client, repo, leftHead, { status: "in_progress" }))
    if (run.status !== "completed" && run.app?.slug === app)
      await completeCheckRun(client, repo, run.id, superseded(head));
}

/**
 * A stale check run is evaluated into again only while it is still in progress on the current
 * head; one on a head the pull request has left is completed as superseded instead.
 */
async function takeStaleCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  staleHead: string,
  head: string,
): Promise<"evaluate" | "completed" | "superseded"> {
  const response = await client.request("GET /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    ...repo,
    check_run_id: checkRunId,
  });
  if ((response.data as { status?: string }).status === "completed") return "completed";
  if (staleHead === head) return "evaluate";
  await completeCheckRun(client, repo, checkRunId, superseded(head));
  return "superseded";
}

function recordRun(job: EvaluationJob, run: NonNullable<EvaluationJob["run"]>) {
  return (
    state: Parameters<NonNullable<Parameters<typeof runEvaluation>[0]["updateState"]>>[0],
    current: Parameters<NonNullable<Parameters<typeof runEvaluation>[0]["updateState"]>>[1],
  ) =>
    isCoverageWorkflow(coverageArtifact(current.result), run)
      ? { ...state, coverageRun: { sha: job.headSha, runId: run.id } }
      : state;
}
