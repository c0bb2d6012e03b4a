// What the App remembers about a pull request between events, kept in a hidden marker of the
// sticky comment so it survives restarts and is shared by every instance.
import type { AppState } from "../../shared/core/app-state-marker.js";

export {
  EMPTY_STATE,
  type AppState,
  type CoverageRunRecord,
} from "../../shared/core/app-state-marker.js";

/** State that still applies to `sha`: overrides and coverage of older heads have expired. */
export function stateForHead(state: AppState, sha: string): AppState {
  return {
    version: 1,
    overrides: state.overrides.filter((o) => o.sha === sha),
    coverageRun: state.coverageRun?.sha === sha ? state.coverageRun : null,
  };
}
