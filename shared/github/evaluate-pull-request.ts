// The one gather → config → coverage → evaluate path of the Action and the App. Facts come out
// whole: the adapter says how it reads coverage (and, for the App, what it remembers), and the
// facts are built with it, never patched afterwards. An invalid config at the base commit is a
// failing verdict naming its errors, not a crash. The Action judges on its thread
// (evaluatePullRequest); the App judges the prepared evaluation in a process of its own.
import type { ConfigError } from "../core/config/config-error.js";
import type { Config } from "../core/config/config-schema.js";
import { evaluate, type EvaluateOptions } from "../core/evaluate.js";
import { invalidConfigVerdict } from "../core/invalid-config-verdict.js";
import type { CoverageFacts, PullRequestFacts, Verdict } from "../core/types.js";
import {
  gatherPullRequestFacts,
  type GatherOptions,
  type GatheredPullRequest,
} from "./gather-pull-request-facts.js";
import type { GitHubClient } from "./github-client.js";
import type { ConfigAtRef } from "./read-config-at-ref.js";

/** What the adapter adds once the config is known: coverage, and evaluate's options. */
export interface AdapterInputs {
  coverage: CoverageFacts | null;
  options?: EvaluateOptions;
}

/** Everything a verdict is made from, or the failing verdict of an invalid config. */
export type PreparedEvaluation =
  | {
      kind: "invalid-config";
      verdict: Verdict;
      facts: PullRequestFacts;
      gathered: GatheredPullRequest;
      configErrors: ConfigError[];
    }
  | {
      kind: "ready";
      /** Coverage included, as the adapter read it (the App reads its artifact where it judges). */
      facts: PullRequestFacts;
      config: Config;
      options: EvaluateOptions;
      gathered: GatheredPullRequest;
      /** The config's warnings, as the comment and the logs show them. */
      configNotes: string[];
    };

export interface PullRequestEvaluation {
  verdict: Verdict;
  /** The facts the verdict was made from. */
  facts: PullRequestFacts;
  gathered: GatheredPullRequest;
  configErrors: ConfigError[];
  /** The config's warnings, as the comment and the logs show them. */
  configNotes: string[];
}

/** Gathers the facts and reads the config: all but the judging, which the adapter places. */
export async function prepareEvaluation(
  client: GitHubClient,
  gather: GatherOptions,
  prepare: (config: Config, at: ConfigAtRef) => Promise<AdapterInputs>,
): Promise<PreparedEvaluation> {
  const gathered = await gatherPullRequestFacts(client, gather);
  const { config } = gathered;
  if (!config.result.ok) {
    return {
      kind: "invalid-config",
      verdict: invalidConfigVerdict(config.result.errors, config.path),
      facts: gathered.facts,
      gathered,
      configErrors: config.result.errors,
    };
  }
  const inputs = await prepare(config.result.config, config);
  return {
    kind: "ready",
    facts: { ...gathered.facts, coverage: inputs.coverage },
    config: config.result.config,
    options: inputs.options ?? {},
    gathered,
    configNotes: renderConfigNotes(config.path, config.result.warnings),
  };
}

/** Prepares and judges on this thread (the Action). */
export async function evaluatePullRequest(
  client: GitHubClient,
  gather: GatherOptions,
  prepare: (config: Config, at: ConfigAtRef) => Promise<AdapterInputs>,
): Promise<PullRequestEvaluation> {
  const prepared = await prepareEvaluation(client, gather, prepare);
  if (prepared.kind === "invalid-config") {
    const { kind: _kind, ...evaluation } = prepared;
    return { ...evaluation, configNotes: [] };
  }
  const { facts, config, options, gathered, configNotes } = prepared;
  return {
    verdict: evaluate(facts, config, options),
    facts,
    gathered,
    configErrors: [],
    configNotes,
  };
}

/** Config warnings as both adapters show them. */
export function renderConfigNotes(path: string, warnings: readonly string[]): string[] {
  return warnings.map((warning) => `Configuration warning in \`${path}\`: ${warning}`);
}
