// One evaluation of one pull request for one head commit: start the `shipgate` check run at once,
// gather facts, read the config, evaluate, and publish the check run, the sticky comment and the
// review. The check run is never left `in_progress`: any unexpected error completes it as failure.
import { renderCheckRun } from "../shared/core/render/render-check-run.js";
import { renderPublication, type Publication } from "../shared/core/render/render-publication.js";
import type { Verdict } from "../shared/core/types.js";
import type { ApiPullRequest } from "../shared/github/api-pull-request.js";
import { completeCheckRun, type CheckConclusion } from "../shared/github/complete-check-run.js";
import { createCommentPublisher } from "../shared/github/create-comment-publisher.js";
import type { GitHubClient, PullRequestRef } from "../shared/github/github-client.js";
import { isCurrentHead } from "../shared/github/is-current-head.js";
import {
  prepareEvaluation,
  type PreparedEvaluation,
} from "../shared/github/evaluate-pull-request.js";
import { publishVerdict } from "../shared/github/publish-verdict.js";
import type { ConfigAtRef } from "../shared/github/read-config-at-ref.js";
import type { LineSpan } from "../shared/github/read-hunk-spans.js";
import { startCheckRun } from "../shared/github/start-check-run.js";
import type { AppLogger } from "./app-logger.js";
import { configErrorAnnotations } from "./checks/config-error-annotations.js";
import { coverageArtifact } from "./config/coverage-artifact.js";
import { resolveAppConfig } from "./config/resolve-app-config.js";
import type { ArtifactReader } from "./coverage/create-artifact-reader.js";
import {
  downloadCoverageArtifact,
  type ArtifactCoverage,
} from "./coverage/download-coverage-artifact.js";
import type { Judgement, JudgementRequest } from "./render-judgement.js";
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
  /**
   * Whether this job still holds its pull request (Lease.confirm), asked before anything is
   * published: after an outage longer than its lease another job may hold it, and then this
   * one yields and runs again later.
   */
  holdsPullRequest?: () => Promise<boolean>;
}

export type EvaluationOutcome =
  | { kind: "published"; conclusion: CheckConclusion; checkRunId: number }
  | { kind: "superseded"; checkRunId: number; currentHead: string }
  /** Nothing published: another job holds the pull request now. */
  | { kind: "yielded"; checkRunId: number }
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
  let download: ArtifactCoverage | null = null;
  // The config is read once, with the other base files, at the pull request's base commit as the
  // Action reads it (DESIGN: a pull request is judged by its base branch's config, so the same
  // facts give the same verdict); the App only adds `extends`. Linked items follow that config.
  const prepared = await prepareEvaluation(
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
      download =
        artifact && run
          ? await downloadCoverageArtifact(
              client,
              repo,
              run.runId,
              artifact,
              request.readArtifact.maxBytes,
            )
          : null;
      return {
        coverage: download && !download.found ? download.coverage : null,
        options: {
          coveragePending: artifact && !run ? artifact : null,
          overrides: state.overrides,
        },
      };
    },
  );
  const config = prepared.gathered.config;
  state ??= await stateFor(config);
  const publication = {
    comment: "auto",
    // An invalid config has no lines to point at; its errors are in the check run.
    reviewComments: request.reviewComments && prepared.kind === "ready",
    render: {
      configNotes: prepared.kind === "ready" ? prepared.configNotes : [],
      fullReportHint: "The full report is in the shipgate check run.",
      trailer: appStateTrailer(state),
    },
  } as const;
  const keepVerdict = request.onVerdict !== undefined;
  const judgement: Judgement =
    prepared.kind === "invalid-config"
      ? invalidConfigJudgement(prepared, { publication, keepVerdict })
      : // Off the event loop: the artifact is read, the pull request judged and the verdict
        // rendered in the reader's process; only the texts come back.
        await request.readArtifact.evaluate({
          facts: prepared.facts,
          config: prepared.config,
          options: prepared.options,
          artifact: artifactOf(download),
          render: { publication, keepVerdict },
        });

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

  if (request.holdsPullRequest && !(await request.holdsPullRequest())) {
    return { kind: "yielded", checkRunId };
  }
  await completeCheckRun(client, repo, checkRunId, judgement.checkRun);
  if (judgement.verdict !== null) {
    try {
      request.onVerdict?.(judgement.verdict, { ...pr, headSha });
    } catch (error) {
      request.log.error(
        { err: error, deliveryId: request.deliveryId },
        "shipgate: onVerdict threw",
      );
    }
  }
  await publishConversation(request, judgement.publication, prepared.gathered.hunkSpans);
  return { kind: "published", conclusion: judgement.checkRun.conclusion, checkRunId };
}

/** An invalid config: a small verdict, rendered here, with the config's errors as annotations. */
function invalidConfigJudgement(
  prepared: Extract<PreparedEvaluation, { kind: "invalid-config" }>,
  request: JudgementRequest,
): Judgement {
  const { verdict, configErrors, gathered } = prepared;
  return {
    checkRun: {
      conclusion: "failure",
      output: { ...renderCheckRun(verdict), title: "Invalid configuration" },
      annotations: configErrorAnnotations(configErrors, gathered.config.path),
    },
    publication: renderPublication(verdict, request.publication),
    verdict: request.keepVerdict ? verdict : null,
  };
}

function artifactOf(download: ArtifactCoverage | null): { zip: Uint8Array; source: string } | null {
  return download?.found ? { zip: download.zip, source: download.source } : null;
}

/** The sticky comment and the review: after the check run, so their failure never hides it. */
async function publishConversation(
  request: EvaluationRequest,
  publication: Publication,
  hunkSpans: ReadonlyMap<string, readonly LineSpan[]>,
): Promise<void> {
  const { client, log, deliveryId } = request;
  const pr = { owner: request.owner, repo: request.repo, number: request.number };
  try {
    await publishVerdict(client, {
      pr,
      headSha: request.headSha,
      publication,
      hunkSpans,
      login: request.botLogin,
    });
  } catch (error) {
    log.error({ err: error, deliveryId }, `shipgate: could not comment on ${where(request)}`);
  }
}

function where(request: PullRequestRef): string {
  return `${request.owner}/${request.repo}#${request.number}`;
}
