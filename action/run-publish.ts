// mode: publish on workflow_run: fetch the evaluation a pull request's workflow uploaded and
// publish it with this run's write token. No pull request code is checked out or run; the
// artifact is untrusted, so it must match the workflow run's commit and the PR's current head.
import * as core from "@actions/core";
import { reviewRanges } from "../shared/core/render/render-review-comments.js";
import { downloadArtifactFile } from "../shared/github/download-artifact-file.js";
import { createViewerLogin } from "../shared/github/find-viewer-login.js";
import type { GitHubClient } from "../shared/github/github-client.js";
import { listPullRequestFiles } from "../shared/github/list-pull-request-files.js";
import { EVALUATION_ARTIFACT, EVALUATION_FILE, parseEvaluationFile } from "./evaluation-file.js";
import { publishToPullRequest } from "./publish-to-pull-request.js";
import type { RunTarget } from "./read-event.js";
import type { ActionInputs } from "./read-inputs.js";
import type { RunnerEnv } from "./read-runner-env.js";
import { reportLocally } from "./report-locally.js";

export async function runPublish(
  client: GitHubClient,
  target: Extract<RunTarget, { kind: "workflow-run" }>,
  inputs: ActionInputs,
  runner: RunnerEnv,
): Promise<void> {
  const bytes = await downloadArtifactFile(client, {
    owner: runner.owner,
    repo: runner.repo,
    runId: target.runId,
    artifact: EVALUATION_ARTIFACT,
    file: EVALUATION_FILE,
  });
  if (bytes === null) {
    core.info(
      `shipgate: workflow run ${target.runId} has no "${EVALUATION_ARTIFACT}" artifact with ${EVALUATION_FILE}: nothing to publish (the pull-request workflow must run shipgate with mode: evaluate and upload ${EVALUATION_ARTIFACT}).`,
    );
    return;
  }
  const parsed = parseEvaluationFile(bytes);
  if (!parsed.ok) throw new Error(parsed.error);
  const evaluation = parsed.evaluation;
  if (evaluation.repository.toLowerCase() !== runner.repository.toLowerCase()) {
    throw new Error(
      `the evaluation is for ${evaluation.repository}, not ${runner.repository}; nothing published`,
    );
  }
  if (evaluation.headSha !== target.headSha) {
    throw new Error(
      `the evaluation is for commit ${evaluation.headSha.slice(0, 7)}, but workflow run ${target.runId} ran on ${target.headSha.slice(0, 7)}; nothing published`,
    );
  }

  const { verdict, configNotes } = evaluation;
  // Annotations here would land on this workflow's commit, not the pull request's: none.
  await reportLocally(
    { verdict, facts: null, configErrors: [], configNotes, annotate: false },
    runner,
  );
  const pr = { owner: runner.owner, repo: runner.repo, number: evaluation.pullRequest };
  // Review comments must land inside the diff, which the API (not the artifact) says.
  const wantsReview = inputs.reviewComments && reviewRanges(verdict).length > 0;
  const hunkSpans = wantsReview ? (await listPullRequestFiles(client, pr)).hunkSpans : new Map();
  await publishToPullRequest(client, {
    pr,
    headSha: evaluation.headSha,
    verdict,
    configNotes,
    comment: inputs.comment,
    reviewComments: inputs.reviewComments,
    hunkSpans,
    login: createViewerLogin(client, { token: inputs.token, graphqlUrl: runner.graphqlUrl }),
  });
}
