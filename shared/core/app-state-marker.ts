// What the App remembers about a pull request between events (overrides, where coverage comes
// from), kept as a hidden HTML comment in the sticky comment: encoded here, read back by the App
// and by `shipgate report --github`. The JSON is escaped so no user text (a reason) can close
// the comment or forge a marker.
import { RULE_IDS } from "./rules/rule-definitions.js";
import type { RuleOverride } from "./apply-overrides.js";

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

const PREFIX = "<!-- shipgate:state ";
const SUFFIX = " -->";
const FIND = /<!-- shipgate:state (\{[^\n]*?\}) -->/;

export function encodeAppState(state: AppState): string {
  const json = JSON.stringify(state).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `${PREFIX}${json}${SUFFIX}`;
}

/** The state in a comment body; anything missing or malformed reads as empty. */
export function decodeAppState(body: string | null | undefined): AppState {
  const match = FIND.exec(body ?? "");
  if (!match?.[1]) return EMPTY_STATE;
  try {
    const raw = JSON.parse(match[1]) as Partial<AppState>;
    return {
      version: 1,
      overrides: Array.isArray(raw.overrides) ? raw.overrides.filter(isOverride) : [],
      coverageRun: isCoverageRun(raw.coverageRun) ? raw.coverageRun : null,
    };
  } catch {
    return EMPTY_STATE;
  }
}

/** The trailer for renderComment: the encoded state, or nothing when there is none to keep. */
export function appStateTrailer(state: AppState): string {
  const empty = state.overrides.length === 0 && state.coverageRun === null;
  return empty ? "" : encodeAppState(state);
}

function isOverride(value: unknown): value is RuleOverride {
  const o = value as Partial<RuleOverride> | null;
  return (
    typeof o?.by === "string" &&
    typeof o.at === "string" &&
    typeof o.reason === "string" &&
    typeof o.sha === "string" &&
    RULE_IDS.some((id) => id === o.rule)
  );
}

function isCoverageRun(value: unknown): value is AppState["coverageRun"] & object {
  const c = value as { sha?: unknown; runId?: unknown } | null;
  return typeof c?.sha === "string" && typeof c.runId === "number";
}
