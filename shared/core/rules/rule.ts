// The shape every rule has: a pure function from facts and its own config to a result.
import type { PullRequestFacts, RuleResult } from "../types.js";

export interface RuleContext {
  /** The declared risk level after validation against the configured levels, or null. */
  riskLevel: string | null;
  /** True for lockfiles, linguist-generated and linguist-vendored files (built-in exclusions). */
  isGenerated: (path: string) => boolean;
}

export type Rule<C> = (facts: PullRequestFacts, config: C, context: RuleContext) => RuleResult;
