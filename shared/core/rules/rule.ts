// What a rule is: one definition in one folder (shared/core/rules/<id>/): its settings schema
// (defaults and descriptions), a pure run from facts and those settings to a result, and what it
// needs an adapter to verify. Everything that lists rules derives from the list of definitions.
import type * as z from "zod/mini";
import type { PullRequestFacts, RuleOutcome } from "../facts.js";

export interface RuleContext {
  /** The declared risk level after validation against the configured levels, or null. */
  riskLevel: string | null;
  /** True for lockfiles, linguist-generated and linguist-vendored files (built-in exclusions). */
  isGenerated: (path: string) => boolean;
  /** How risk levels are declared (`risk` in the config). */
  risk: { levels: readonly string[]; labelPrefix: string };
}

export type Rule<Id extends string, C> = (
  facts: PullRequestFacts,
  config: C,
  context: RuleContext,
) => RuleOutcome<Id>;

export interface RuleDefinition<Id extends string, S extends z.ZodMiniObject> {
  /** Kebab-case: the key under `rules:` and in overrides, the id in verdicts. */
  id: Id;
  /**
   * The rule's settings, each with its default and description: a function that builds the
   * schema on its first call (see config/lazy-schema.ts).
   */
  schema: () => S;
  run: Rule<Id, z.output<S>>;
  /**
   * Issues and pull requests (`owner/repo#12`) the body names that an adapter with GitHub
   * access should look up; the rule reads what it found in `facts.linkedItems`.
   */
  references?: (body: string, config: z.output<S>, repository: string) => string[];
  /**
   * Facts beyond the pull request itself that an adapter with GitHub access should gather while
   * the rule is on, at a cost in reads: `stack` (is it stacked on another pull request), `flow`
   * (its author's open pull requests, its first review).
   */
  gathers?: readonly GatheredFact[];
}

export type GatheredFact = "stack" | "flow";
