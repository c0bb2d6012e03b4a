// One evaluation of one pull request for one head commit: start the `shipgate` check run at once,
// gather facts, read the config, evaluate, and publish the check run, the sticky comment and the
// review. The check run is never left `in_progress`: any unexpected error completes it as failure.
import { evaluate } from "../shared/core/evaluate.js";
import { renderCheckRun } from "../shared/core/render/render-check-run.js";
import { renderAnnotations } from "../shared/core/render/render-annotations.js";
import type { Verdict } from "../shared/core/types.js";
import type { ApiPullRequest } from "../shared/github/api-pull-request.js";
import { completeCheckRun, type CheckCompletion } from "../shared/github/complete-check-run.js";
import { createCommentPublisher } from "../shared/github/create-comment-publisher.js";
import { gatherPullRequestFacts } from "../shared/github/gather-pull-request-facts.js";
import type { GitHubClient, PullRequestRef } from "../shared/github/github-client.js";
import { invalidConfigVerdict } from "../shared/core/invalid-config-verdict.js";
import { isCurrentHead } from "../shared/github/is-current-head.js";
import { publishVerdict } from "../shared/github/publish-verdict.js";
import type { ConfigAtRef } from "../shared/github/read-config-at-ref.js";
import { startCheckRun } from "../shared/github/start-check-run.js";
import type { AppLogger } from "./app-logger.js";
import type { VerdictListener } from "./app-runtime.js";
import { configErrorAnnotations } from "./checks/config-error-annotations.js";
import { coverageArtifact } from "./config/coverage-artifact.js";
import { resolveAppConfig } from "./config/resolve-app-config.js";
import type { ArtifactReader } from "./coverage/create-artifact-reader.js";
import { gatherArtifactCoverage } from "./coverage/gather-artifact-coverage.js";
import { appStateTrailer, decodeAppState } from "./overrides/app-state-marker.js";
import { stateForHead, type AppState } from "./overrides/override-record.js";

export interface EvaluationRequest extends PullRequestRef {
  client: GitHubClient;
  /** The head commit the event is about. */
  headSha: string;
  /** The pull request from the payload, when it is as fresh as the event. */
  pullRequest?: ApiPullRequest;
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
  const checkRunId = await startCheckRun(client, repo, request.headSha, deliveryId);
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
  const publisher = createCommentPublisher(client, pr, { login: request.botLogin });
  // The config is read once, with the other base files, at the pull request's base commit as the
  // Action reads it (DESIGN: a pull request is judged by its base branch's config, so the same
  // facts give the same verdict); the App only adds `extends`. Linked items follow that config.
  const [gathered, ours] = await Promise.all([
    gatherPullRequestFacts(client, {
      ...pr,
      ...(request.pullRequest ? { pullRequest: request.pullRequest } : {}),
      resolveConfig: (path, text) => resolveAppConfig(client, path, text),
    }),
    publisher.listOurs(),
  ]);
  const config = gathered.config;
  const remembered = stateForHead(decodeAppState(ours[0]?.body), headSha);
  const state = request.updateState ? await request.updateState(remembered, config) : remembered;

  let verdict: Verdict;
  let completion: CheckCompletion;
  if (!config.result.ok) {
    verdict = invalidConfigVerdict(config.result.errors, config.path);
    const rendered = renderCheckRun(verdict);
    completion = {
      conclusion: "failure",
      output: { ...rendered, title: "Invalid configuration" },
      annotations: configErrorAnnotations(config.result.errors, config.path),
    };
  } else {
    const facts = { ...gathered.facts };
    const artifact = coverageArtifact(config.result);
    if (artifact && state.coverageRun) {
      facts.coverage = await gatherArtifactCoverage(
        client,
        repo,
        state.coverageRun.runId,
        artifact,
        request.readArtifact,
      );
    }
    verdict = evaluate(facts, config.result.config, {
      coveragePending: artifact && !state.coverageRun ? artifact : null,
      overrides: state.overrides,
    });
    completion = {
      conclusion: verdict.conclusion,
      output: renderCheckRun(verdict),
      annotations: renderAnnotations(verdict),
    };
  }

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
  await publishConversation(request, verdict, state, gathered.hunkSpans, config);
  return { kind: "published", verdict, checkRunId };
}

/** The sticky comment and the review: after the check run, so their failure never hides it. */
async function publishConversation(
  request: EvaluationRequest,
  verdict: Verdict,
  state: AppState,
  hunkSpans: Map<string, { start: number; end: number }[]>,
  config: ConfigAtRef,
): Promise<void> {
  const { client, log, deliveryId } = request;
  const pr = { owner: request.owner, repo: request.repo, number: request.number };
  try {
    await publishVerdict(client, {
      pr,
      headSha: request.headSha,
      verdict,
      comment: "auto",
      // An invalid config has no lines to point at; its errors are in the check run.
      reviewComments: request.reviewComments && config.result.ok,
      render: {
        configNotes: config.result.ok ? config.result.warnings : [],
        fullReportHint: "The full report is in the shipgate check run.",
        trailer: appStateTrailer(state),
      },
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
