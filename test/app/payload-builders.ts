// Builders for every event and action the App subscribes to, from GitHub's examples, with
// defaults for the common scenario: acme/web, installation 77, pull request #7.
import { assertValidPayload, example, inScenario, type Scenario } from "./webhook-payloads.js";

export const SCENARIO: Scenario = { owner: "acme", repo: "web", installationId: 77 };
/** The pull requests' base commit, where the App reads .github/shipgate.yml. */
export const BASE_SHA = "b".repeat(40);

export interface PullFields {
  number?: number;
  headSha: string;
  baseSha?: string;
  title?: string;
  body?: string;
  labels?: string[];
  state?: "open" | "closed";
}

type Json = Record<string, unknown>;

function finish(event: string, payload: Json, scenario: Scenario): Json {
  const adapted = inScenario(payload, scenario);
  assertValidPayload(event, adapted);
  return adapted;
}

function withPull(pr: Json, fields: PullFields): Json {
  const head = pr.head as Json;
  const base = pr.base as Json;
  pr.number = fields.number ?? 7;
  pr.title = fields.title ?? "Add a feature";
  pr.body = fields.body ?? "";
  pr.state = fields.state ?? "open";
  pr.labels = (fields.labels ?? []).map((name, i) => ({
    id: 100 + i,
    node_id: `LA_${i}`,
    url: `https://api.github.com/repos/acme/web/labels/${name}`,
    name,
    color: "ededed",
    default: false,
    description: null,
  }));
  head.sha = fields.headSha;
  base.sha = fields.baseSha ?? BASE_SHA;
  base.ref = "main";
  return pr;
}

export function pullRequestEvent(
  action: string,
  fields: PullFields,
  scenario: Scenario = SCENARIO,
): Json {
  const payload = example("pull_request", action, action === "edited" ? "opened" : action);
  if (action === "edited") payload.changes = { body: { from: "before" } };
  payload.number = fields.number ?? 7;
  withPull(payload.pull_request as Json, fields);
  return finish("pull_request", payload, scenario);
}

/** A pull request as check and workflow payloads list it (a minimal reference). */
function pullRef(number: number, headSha: string): Json {
  const repo = { id: 1, url: "https://api.github.com/repos/acme/web", name: "web" };
  return {
    url: `https://api.github.com/repos/acme/web/pulls/${number}`,
    id: 9000 + number,
    number,
    head: { ref: "feature", sha: headSha, repo },
    base: { ref: "main", sha: BASE_SHA, repo },
  };
}

/** Some examples carry app timestamps the schema's date-time format rejects. */
function fixAppDates(app: unknown): void {
  if (typeof app !== "object" || app === null) return;
  const record = app as Json;
  record.created_at = "2024-01-01T00:00:00Z";
  record.updated_at = "2024-01-01T00:00:00Z";
}

export function checkRunRerequested(
  headSha: string,
  pulls: number[],
  name = "shipgate",
  scenario: Scenario = SCENARIO,
): Json {
  const payload = example("check_run", "rerequested");
  const run = payload.check_run as Json;
  run.head_sha = headSha;
  run.name = name;
  run.pull_requests = pulls.map((number) => pullRef(number, headSha));
  (run.check_suite as Json).head_sha = headSha;
  fixAppDates(run.app);
  fixAppDates((run.check_suite as Json).app);
  return finish("check_run", payload, scenario);
}

export function checkSuiteRerequested(
  headSha: string,
  pulls: number[],
  scenario: Scenario = SCENARIO,
): Json {
  const payload = example("check_suite", "rerequested");
  const suite = payload.check_suite as Json;
  suite.head_sha = headSha;
  suite.pull_requests = pulls.map((number) => pullRef(number, headSha));
  return finish("check_suite", payload, scenario);
}

export function issueCommentCreated(
  body: string,
  user: { login: string; type?: "User" | "Bot" },
  number = 7,
  scenario: Scenario = SCENARIO,
  action = "created",
): Json {
  const payload = example("issue_comment", action);
  const issue = payload.issue as Json;
  issue.number = number;
  issue.pull_request = {
    url: `https://api.github.com/repos/acme/web/pulls/${number}`,
    html_url: `https://github.com/acme/web/pull/${number}`,
    diff_url: `https://github.com/acme/web/pull/${number}.diff`,
    patch_url: `https://github.com/acme/web/pull/${number}.patch`,
    merged_at: null,
  };
  const comment = payload.comment as Json;
  comment.body = body;
  // Written now (the example's date is years old): the App compares it with when the head arrived.
  comment.created_at = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  comment.updated_at = comment.created_at;
  const commentUser = comment.user as Json;
  commentUser.login = user.login;
  commentUser.type = user.type ?? "User";
  return finish("issue_comment", payload, scenario);
}

export function workflowRunCompleted(
  run: {
    id: number;
    headSha: string;
    path: string;
    name?: string;
    pulls: number[];
    event?: string;
  },
  scenario: Scenario = SCENARIO,
): Json {
  const payload = example("workflow_run", "completed");
  const wr = payload.workflow_run as Json;
  wr.id = run.id;
  wr.head_sha = run.headSha;
  wr.path = run.path;
  wr.name = run.name ?? "CI";
  wr.event = run.event ?? "pull_request";
  wr.conclusion = "success";
  wr.pull_requests = run.pulls.map((number) => pullRef(number, run.headSha));
  return finish("workflow_run", payload, scenario);
}
