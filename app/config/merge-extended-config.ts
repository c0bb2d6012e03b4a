// Org-wide defaults (`extends: my-org/.github`): the organisation's file is the base and the
// repository's file is deep-merged over it (objects by key; lists and values replace). Pure.
import { stringify } from "yaml";
import { deepMerge } from "../../shared/core/config/apply-risk-level.js";
import type { ConfigResult } from "../../shared/core/config/parse-config.js";
import { parseAppConfig, type AppConfigResult } from "./parse-app-config.js";

/** `owner/repo` or `owner/repo:path/to/file.yml`. */
export interface ExtendsTarget {
  owner: string;
  repo: string;
  path: string;
}

export const ORG_CONFIG_PATH = ".github/shipgate.yml";

export function parseExtends(value: string): ExtendsTarget | null {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)(?::(.+))?$/.exec(value.trim());
  if (!match?.[1] || !match[2]) return null;
  return { owner: match[1], repo: match[2], path: match[3] ?? ORG_CONFIG_PATH };
}

/** Merges the parsed base under the parsed local file and validates the result as one config. */
export function mergeExtendedConfig(
  base: AppConfigResult,
  local: AppConfigResult,
  file: string,
): AppConfigResult {
  if (!base.result.ok || base.raw === null) return base;
  if (!local.result.ok || local.raw === null) return local;
  const { extends: _ignored, ...baseRaw } = base.raw;
  const { extends: _local, ...localRaw } = local.raw;
  const merged = deepMerge<Record<string, unknown>>(baseRaw, localRaw);
  const parsed = parseAppConfig(stringify(merged), file);
  const result: ConfigResult = parsed.result.ok
    ? parsed.result
    : {
        ok: false,
        // Line numbers of a merged document point nowhere real: name the key path instead.
        errors: parsed.result.errors.map((e) => ({
          ...e,
          line: 1,
          column: 1,
          message: `${e.message} (after merging the org defaults this file extends)`,
        })),
      };
  return { result, raw: merged };
}
