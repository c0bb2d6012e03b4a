// pull_request / pull_request_target: evaluate, report locally, then either publish to the pull
// request (mode: full) or write the evaluation for a later publish run (mode: evaluate).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as core from "@actions/core";
import { renderTitle } from "../shared/core/render/render-check-run.js";
import { createViewerLogin } from "../shared/github/find-viewer-login.js";
import type { GitHubClient } from "../shared/github/github-client.js";
import { evaluateInWorkspace } from "./evaluate-pull-request.js";
import { EVALUATION_FILE, renderEvaluationFile } from "./evaluation-file.js";
import { shouldFailJob } from "./fail-on.js";
import { publishToPullRequest } from "./publish-to-pull-request.js";
import type { RunTarget } from "./read-event.js";
import type { ActionInputs } from "./read-inputs.js";
import type { RunnerEnv } from "./read-runner-env.js";
import { reportLocally } from "./report-locally.js";

export async function runPullRequest(
  client: GitHubClient,
  target: Extract<RunTarget, { kind: "pull-request" }>,
  inputs: ActionInputs,
  runner: RunnerEnv,
): Promise<void> {
  const where = { owner: runner.owner, repo: runner.repo, pullRequest: target.pullRequest };
  const evaluation = await evaluateInWorkspace(client, where, inputs, runner);
  const { verdict, gathered, facts, configNotes } = evaluation;
  for (const note of configNotes) core.warning(note);
  await reportLocally(
    {
      verdict,
      facts,
      configErrors: evaluation.configErrors,
      configNotes,
      annotate: true,
    },
    runner,
  );

  if (inputs.mode === "evaluate") {
    const file = path.join(runner.outputDir, EVALUATION_FILE);
    await mkdir(runner.outputDir, { recursive: true });
    await writeFile(
      file,
      renderEvaluationFile({
        repository: runner.repository,
        pullRequest: target.pullRequest.number,
        headSha: gathered.facts.head.sha,
        verdict,
        configNotes,
      }),
    );
    core.info(
      `shipgate: evaluation written to ${file}; upload ${runner.outputDir} as the "shipgate-evaluation" artifact`,
    );
  } else {
    await publishToPullRequest(client, {
      pr: { owner: runner.owner, repo: runner.repo, number: target.pullRequest.number },
      headSha: gathered.facts.head.sha,
      verdict,
      configNotes,
      comment: inputs.comment,
      reviewComments: inputs.reviewComments,
      hunkSpans: gathered.hunkSpans,
      login: knownOr(
        gathered.viewerLogin,
        createViewerLogin(client, { token: inputs.token, graphqlUrl: runner.graphqlUrl }),
      ),
    });
  }
  if (shouldFailJob(verdict, inputs.failOn)) core.setFailed(`shipgate: ${renderTitle(verdict)}`);
}

/** The login learned while gathering, or the lazy lookup when GraphQL did not say. */
function knownOr(login: string | undefined, lookUp: () => Promise<string>): () => Promise<string> {
  return login === undefined ? lookUp : async () => login;
}
