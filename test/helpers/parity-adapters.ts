// Test helper for parity tests: runs the Action and the App the way users run them on one pull
// request held by the GitHub simulator, and returns what each published.
// - The Action is the bundle (`node dist/index.js`) in its own process; its JSON verdict is the
//   file its `report` output names (renderJson, the CLI's contract too).
// - The App is the real Probot server on loopback, sent signed webhooks, authenticating as an
//   installation. Its verdict is what it handed to `onVerdict`, an AppOptions listener called
//   with the very object whose check run was just completed (the published verdict, not a
//   re-evaluation), rendered with the same renderJson.
// - The sticky comments each wrote (same renderer, same marker); the App's hidden state trailer
//   is removed, so the two can be compared.
import { readFile } from "node:fs/promises";
import { COMMENT_MARKER } from "../../shared/core/render/render-comment.js";
import { renderJson } from "../../shared/core/render/render-json.js";
import type { Verdict } from "../../shared/core/types.js";
import { runBundledAction } from "../action/run-bundled-action.js";
import { workflowRunCompleted } from "../app/payload-builders.js";
import { startApp } from "../app/start-app.js";
import type { Scenario } from "../app/webhook-payloads.js";
import type { Simulator, TestAppKey } from "../github-simulator/index.js";

export interface Published {
  /** The JSON verdict, as `shipgate check --format json` prints it. */
  json: string;
  /** The sticky comments by this adapter's bot: none, or one. */
  comments: string[];
  /** Its inline review comments: where each went and what it says. */
  reviewComments: InlineComment[];
}

export interface InlineComment {
  path: string;
  side: string;
  startLine: number | undefined;
  line: number | undefined;
  commitId: string;
  body: string;
}

export interface ActionOnPullRequest {
  sim: Simulator;
  scenario: Scenario;
  number: number;
  /** The `pull_request` webhook payload, as the runner writes it to GITHUB_EVENT_PATH. */
  payload: unknown;
  /** The checkout the Action runs in. */
  workspace: string;
  inputs?: Record<string, string>;
}

export async function runActionOnPullRequest(run: ActionOnPullRequest): Promise<Published> {
  const { owner, repo } = run.scenario;
  const action = await runBundledAction({
    apiUrl: run.sim.url,
    event: "pull_request",
    payload: run.payload,
    workspace: run.workspace,
    repository: `${owner}/${repo}`,
    ...(run.inputs === undefined ? {} : { inputs: run.inputs }),
  });
  if (action.stderr !== "") throw new Error(`the Action wrote to stderr:\n${action.stderr}`);
  const reportPath = action.outputs.report;
  if (!reportPath) throw new Error(`the Action wrote no report:\n${action.stdout}`);
  return {
    json: await readFile(reportPath, "utf8"),
    comments: readStickyComments(run, "github-actions[bot]"),
    reviewComments: readReviewComments(run, "github-actions[bot]"),
  };
}

export interface AppOnPullRequest {
  sim: Simulator;
  key: TestAppKey;
  scenario: Scenario;
  number: number;
  headSha: string;
  /** The `pull_request` webhook payload (opened). */
  payload: unknown;
  /** The coverage workflow run that completes after it, carrying the artifact. */
  run: { id: number; path: string };
}

export interface AppPublished extends Published {
  /** Every verdict the App published, in order: the pending one, then the one with coverage. */
  verdicts: Verdict[];
}

/** Sends `pull_request`, then `workflow_run` completed; the App is stopped before returning. */
export async function runAppOnPullRequest(run: AppOnPullRequest): Promise<AppPublished> {
  const verdicts: Verdict[] = [];
  const app = await startApp({
    sim: run.sim,
    key: run.key,
    app: { onVerdict: (verdict) => void verdicts.push(verdict) },
  });
  try {
    await app.send("pull_request", run.payload);
    const completed = workflowRunCompleted(
      { id: run.run.id, headSha: run.headSha, path: run.run.path, pulls: [run.number] },
      run.scenario,
    );
    await app.send("workflow_run", completed);
  } finally {
    await app.close();
  }
  const last = verdicts.at(-1);
  if (last === undefined) throw new Error("the App published no verdict");
  const comments = readStickyComments(run, "shipgate[bot]").map((body) =>
    body.replace(/\n\n<!-- shipgate:state [^\n]*-->$/, "\n"),
  );
  const reviewComments = readReviewComments(run, "shipgate[bot]");
  return { json: renderJson(last), comments, reviewComments, verdicts };
}

interface OnePullRequest {
  sim: Simulator;
  scenario: Scenario;
  number: number;
}

function readStickyComments(run: OnePullRequest, login: string): string[] {
  const { owner, repo } = run.scenario;
  return run.sim.state
    .commentsOn(owner, repo, run.number)
    .filter((c) => c.user.login === login && c.body.startsWith(COMMENT_MARKER))
    .map((c) => c.body);
}

function readReviewComments(run: OnePullRequest, login: string): InlineComment[] {
  const { owner, repo } = run.scenario;
  return run.sim.state.reviewComments
    .filter((c) => c.owner === owner && c.repo === repo && c.pullNumber === run.number)
    .filter((c) => c.user.login === login)
    .map((c) => ({
      path: c.path,
      side: c.side,
      startLine: c.startLine,
      line: c.line,
      commitId: c.commitId,
      body: c.body,
    }));
}
