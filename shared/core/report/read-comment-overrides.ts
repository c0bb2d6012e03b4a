// Reads the overrides the App keeps in its sticky comment's hidden state: who lifted which rule,
// when, why, for which commit. Anything malformed reads as none.
import type { RuleOverride } from "../apply-overrides.js";
import { decodeAppState } from "../app-state-marker.js";

export function readCommentOverrides(body: string): RuleOverride[] {
  return decodeAppState(body).overrides;
}
