// Webhook payloads for the App's tests: GitHub's own examples from @octokit/webhooks-examples,
// adapted to the scenario (repository, installation, pull request, head) and then validated
// against @octokit/webhooks-schemas, so a test can never send GitHub something it would not send.
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];
const schema = require("@octokit/webhooks-schemas") as Record<string, unknown>;

const ajv = new Ajv({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
ajv.addSchema(schema, "webhooks");

type Json = Record<string, unknown>;

/**
 * A deep copy of GitHub's example for an event and action: the first one that is still valid
 * under the current schemas (older examples lack newer required fields).
 */
export function example(event: string, action: string, like = action): Json {
  const entry = examples.find((e) => e.name === event);
  const candidates = entry?.examples.filter((e) => e.action === like) ?? [];
  const found = candidates.find((e) => isValid(event, like, e)) ?? candidates[0];
  if (!found) throw new Error(`no example for ${event}.${like}`);
  return { ...structuredClone(found), action };
}

function isValid(event: string, action: string, payload: unknown): boolean {
  return ajv.getSchema(`webhooks#/definitions/${event}$${action}`)?.(payload) === true;
}

/** Throws with ajv's errors when the payload is not what GitHub sends for `event.action`. */
export function assertValidPayload(event: string, payload: Json): void {
  const action = String(payload.action);
  const validate = ajv.getSchema(`webhooks#/definitions/${event}$${action}`);
  if (!validate) throw new Error(`no schema for ${event}.${action}`);
  if (!validate(payload)) {
    throw new Error(`${event}.${action} payload invalid: ${ajv.errorsText(validate.errors)}`);
  }
}

export interface Scenario {
  owner: string;
  repo: string;
  installationId: number;
  defaultBranch?: string;
}

/** Points the example's repository, owner and installation at the scenario. */
export function inScenario(payload: Json, s: Scenario): Json {
  const repository = payload.repository as Json;
  const owner = repository.owner as Json;
  owner.login = s.owner;
  repository.name = s.repo;
  repository.full_name = `${s.owner}/${s.repo}`;
  repository.default_branch = s.defaultBranch ?? "main";
  // The pull request's base repository is this one (a stacked pull request is told by its base).
  const base = (payload.pull_request as { base?: { repo?: Json } } | undefined)?.base?.repo;
  if (base !== undefined) base.default_branch = repository.default_branch;
  payload.installation = {
    id: s.installationId,
    node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==",
  };
  return payload;
}
