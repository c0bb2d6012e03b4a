// What the App remembers about a pull request between events, kept in a hidden marker of the
// sticky comment so it survives restarts and is shared by every instance.
import type { RuleOverride } from "../../shared/core/apply-overrides.js";

/** Where coverage for a head commit comes from: a finished workflow run and its artifact. */
export interface CoverageRunRecord {
  sha: string;
  runId: number;
  /** The run finished, but without the artifact. */
  artifactMissing?: boolean;
}

export interface AppState {
  version: 1;
  overrides: RuleOverride[];
  coverageRun: CoverageRunRecord | null;
}

export const EMPTY_STATE: AppState = { version: 1, overrides: [], coverageRun: null };

/** State that still applies to `sha`: overrides and coverage of older heads have expired. */
export function stateForHead(state: AppState, sha: string): AppState {
  return {
    version: 1,
    overrides: state.overrides.filter((o) => o.sha === sha),
    coverageRun: state.coverageRun?.sha === sha ? state.coverageRun : null,
  };
}
