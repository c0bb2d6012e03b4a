// One evaluation of one pull request for one head commit: start the `shipgate` check run at once,
// gather facts, read the config, evaluate, and publish the check run, the sticky comment and the
// review. The check run is never left `in_progress`: any unexpected error completes it as failure.
import { renderCheckRun } from "../shared/core/render/render-check-run.js";
import { renderCheckAnnotations } from "../shared/core/render/render-annotations.js";
import type { Verdict } from "../shared/core/types.js";
import type { ApiPullRequest } from "../shared/github/api-pull-request.js";
import { completeCheckRun, type CheckCompletion } from "../shared/github/complete-check-run.js";
import { createCommentPublisher } from "../shared/github/create-comment-publisher.js";
import type { GitHubClient, PullRequestRef } from "../shared/github/github-client.js";
import { isCurrentHead } from "../shared/github/is-current-head.js";
import {
  evaluatePullRequest,
  type PullRequestEvaluation,
} from "../shared/github/evaluate-pull-request.js";
import { publishVerdict } from "../shared/github/publish-verdict.js";
import type { ConfigAtRef } from "../shared/github/read-config-at-ref.js";
import { startCheckRun } from "../shared/github/start-check-run.js";
import type { AppLogger } from "./app-logger.js";
import { configErrorAnnotations } from "./checks/config-error-annotations.js";
import { coverageArtifact } from "./config/coverage-artifact.js";
import { resolveAppConfig } from "./config/resolve-app-config.js";
import type { ArtifactReader } from "./coverage/create-artifact-reader.js";
import { downloadCoverageArtifact } from "./coverage/download-coverage-artifact.js";
import { appStateTrailer, decodeAppState } from "../shared/core/app-state-marker.js";
import { stateForHead, type AppState } from "./overrides/override-record.js";

/** Told of every verdict the App publishes (tests and metrics listen here). */
export type VerdictListener = (
  verdict: Verdict,
  where: PullRequestRef & { headSha: string },
) => void;

export interface EvaluationRequest extends PullRequestRef {
  client: GitHubClient;
  /** The head commit the event is about. */
  headSha: string;
  /** The pull request from the payload, when it is as fresh as the event. */
  pullRequest?: ApiPullRequest;
  /** A check run already on the head to complete (a retried job's); else one is started. */
  checkRunId?: number;
  deliveryId: string;
  botLogin: () => Promise<string>;
  log: AppLogger;
  /** Changes the remembered state before evaluating (an override, a finished workflow run). */
  updateState?: (state: AppState, config: ConfigAtRef) => AppState | Promise<AppState>;
  reviewComments: boolean;
  onVerdict?: VerdictListener | undefined;
  /** Parses a coverage artifact off the event loop. */
  readArtifact: ArtifactReader;
}

export type EvaluationOutcome =
  | { kind: "published"; verdict: Verdict; checkRunId: number }
  | { kind: "superseded"; checkRunId: number; currentHead: string }
  | { kind: "errored"; checkRunId: number; error: unknown };

export async function runEvaluation(request: EvaluationRequest): Promise<EvaluationOutcome> {
  const { client, log, deliveryId } = request;
  const repo = { owner: request.owner, repo: request.repo };
  const checkRunId =
    request.checkRunId ?? (await startCheckRun(client, repo, request.headSha, deliveryId));
  try {
    return await evaluateAndPublish(request, checkRunId);
  } catch (error) {
    log.error({ err: error, deliveryId }, `shipgate: evaluation of ${where(request)} failed`);
    await completeCheckRun(client, repo, checkRunId, {
      conclusion: "failure",
      output: {
        title: "shipgate could not finish",
        summary: `An unexpected error stopped the evaluation (delivery \`${deliveryId.replace(/[^\w-]/g, "")}\`). Comment \`/shipgate recheck\` to try again; if it persists, the App's logs name the cause under this delivery id.`,
        text: "",
      },
      annotations: [],
    }).catch((inner: unknown) =>
      log.error({ err: inner, deliveryId }, "shipgate: could not complete the check run"),
    );
    return { kind: "errored", checkRunId, error };
  }
}

async function evaluateAndPublish(
  request: EvaluationRequest,
  checkRunId: number,
): Promise<EvaluationOutcome> {
  const { client, headSha } = request;
  const repo = { owner: request.owner, repo: request.repo };
  const pr = { ...repo, number: request.number };
  const ours = createCommentPublisher(client, pr, { login: request.botLogin }).listOurs();
  ours.catch(() => undefined); // awaited below; never an unhandled rejection if gathering fails
  let state: AppState | undefined;
  const stateFor = async (config: ConfigAtRef): Promise<AppState> => {
    const remembered = stateForHead(decodeAppState((await ours)[0]?.body), headSha);
    return request.updateState ? request.updateState(remembered, config) : remembered;
  };
  // The config is read once, with the other base files, at the pull request's base commit as the
  // Action reads it (DESIGN: a pull request is judged by its base branch's config, so the same
  // facts give the same verdict); the App only adds `extends`. Linked items follow that config.
  const evaluation = await evaluatePullRequest(
    client,
    {
      ...pr,
      ...(request.pullRequest ? { pullRequest: request.pullRequest } : {}),
      resolveConfig: (path, text) => resolveAppConfig(client, path, text),
    },
    async (_config, at) => {
      state = await stateFor(at);
      const artifact = at.result.ok ? coverageArtifact(at.result) : null;
      const run = state.coverageRun;
      const { readArtifact } = request;
      const download =
        artifact && run
          ? await downloadCoverageArtifact(client, repo, run.runId, artifact, readArtifact.maxBytes)
          : null;
      return {
        coverage: download && !download.found ? download.coverage : null,
        options: {
          coveragePending: artifact && !run ? artifact : null,
          overrides: state.overrides,
        },
        // Off the event loop: the artifact is read, and the pull request judged, in the reader's
        // process; only the verdict comes back.
        judge: (facts, config, options) =>
          readArtifact.evaluate({
            facts,
            config,
            options,
            artifact: download?.found ? { zip: download.zip, source: download.source } : null,
          }),
      };
    },
  );
  const { verdict, gathered } = evaluation;
  const config = gathered.config;
  state ??= await stateFor(config);
  const checkAnnotations = renderCheckAnnotations(verdict);
  const completion: CheckCompletion = config.result.ok
    ? {
        conclusion: verdict.conclusion,
        output: renderCheckRun(verdict, checkAnnotations.notes),
        annotations: checkAnnotations.annotations,
      }
    : {
        conclusion: "failure",
        output: { ...renderCheckRun(verdict), title: "Invalid configuration" },
        annotations: configErrorAnnotations(config.result.errors, config.path),
      };

  // The head-SHA guard: the files listed belong to the PR's head now, which may be newer.
  const head = await isCurrentHead(client, pr, headSha);
  if (!head.current) {
    await completeCheckRun(client, repo, checkRunId, {
      conclusion: "skipped",
      output: {
        title: "Superseded by a newer push",
        summary: `The pull request's head moved to \`${head.headSha.slice(0, 7)}\` while this commit was evaluated; the verdict is on the newer commit.`,
        text: "",
      },
      annotations: [],
    });
    return { kind: "superseded", checkRunId, currentHead: head.headSha };
  }

  await completeCheckRun(client, repo, checkRunId, completion);
  try {
    request.onVerdict?.(verdict, { ...pr, headSha });
  } catch (error) {
    request.log.error({ err: error, deliveryId: request.deliveryId }, "shipgate: onVerdict threw");
  }
  await publishConversation(request, evaluation, state);
  return { kind: "published", verdict, checkRunId };
}

/** The sticky comment and the review: after the check run, so their failure never hides it. */
async function publishConversation(
  request: EvaluationRequest,
  evaluation: PullRequestEvaluation,
  state: AppState,
): Promise<void> {
  const { client, log, deliveryId } = request;
  const pr = { owner: request.owner, repo: request.repo, number: request.number };
  try {
    await publishVerdict(client, {
      pr,
      headSha: request.headSha,
      verdict: evaluation.verdict,
      comment: "auto",
      // An invalid config has no lines to point at; its errors are in the check run.
      reviewComments: request.reviewComments && evaluation.configErrors.length === 0,
      render: {
        configNotes: evaluation.configNotes,
        fullReportHint: "The full report is in the shipgate check run.",
        trailer: appStateTrailer(state),
      },
      hunkSpans: evaluation.gathered.hunkSpans,
      login: request.botLogin,
    });
  } catch (error) {
    log.error({ err: error, deliveryId }, `shipgate: could not comment on ${where(request)}`);
  }
}

function where(request: PullRequestRef): string {
  return `${request.owner}/${request.repo}#${request.number}`;
}
