// Parses .github/shipgate.yml for the App with the shared parser, and keeps what the file says
// as plain data (without defaults), which `extends` merging needs. Pure.
import { parse } from "yaml";
import { parseConfig, type ConfigResult } from "../../shared/core/config/parse-config.js";

export interface AppConfigResult {
  result: ConfigResult;
  /** What the file says, as plain data without defaults (for `extends` merging); null if broken. */
  raw: Record<string, unknown> | null;
}

export function parseAppConfig(text: string | null, file: string): AppConfigResult {
  const result = parseConfig(text, file);
  if (!result.ok) return { result, raw: null };
  // The shared parser accepted the text, so it is a mapping (or empty) with core tags only.
  const raw = text === null ? {} : ((parse(text) ?? {}) as Record<string, unknown>);
  return { result, raw };
}
