// The one gather → config → coverage → evaluate path of the Action and the App. Facts come out
// whole: the adapter says how it reads coverage (and, for the App, what it remembers), and the
// facts are built with it, never patched afterwards. An invalid config at the base commit is a
// failing verdict naming its errors, not a crash.
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
  /**
   * Where the verdict is made: `evaluate` on this thread unless the adapter has a better place
   * (the App judges in a separate process, off its event loop, reading its artifact there).
   */
  judge?: Judge;
}

export type Judge = (
  facts: PullRequestFacts,
  config: Config,
  options: EvaluateOptions,
) => Promise<Verdict>;

export interface PullRequestEvaluation {
  verdict: Verdict;
  /** The facts the verdict was made from (coverage included unless a judge read it). */
  facts: PullRequestFacts;
  gathered: GatheredPullRequest;
  configErrors: ConfigError[];
  /** The config's warnings, as the comment and the logs show them. */
  configNotes: string[];
}

export async function evaluatePullRequest(
  client: GitHubClient,
  gather: GatherOptions,
  prepare: (config: Config, at: ConfigAtRef) => Promise<AdapterInputs>,
): Promise<PullRequestEvaluation> {
  const gathered = await gatherPullRequestFacts(client, gather);
  const { config } = gathered;
  if (!config.result.ok) {
    return {
      verdict: invalidConfigVerdict(config.result.errors, config.path),
      facts: gathered.facts,
      gathered,
      configErrors: config.result.errors,
      configNotes: [],
    };
  }
  const inputs = await prepare(config.result.config, config);
  const facts: PullRequestFacts = { ...gathered.facts, coverage: inputs.coverage };
  const options = inputs.options ?? {};
  return {
    verdict: inputs.judge
      ? await inputs.judge(facts, config.result.config, options)
      : evaluate(facts, config.result.config, options),
    facts,
    gathered,
    configErrors: [],
    configNotes: renderConfigNotes(config.path, config.result.warnings),
  };
}

/** Config warnings as both adapters show them. */
export function renderConfigNotes(path: string, warnings: readonly string[]): string[] {
  return warnings.map((warning) => `Configuration warning in \`${path}\`: ${warning}`);
}
