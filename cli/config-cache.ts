// `shipgate check` reads the same config run after run. Its parsed and validated form is kept in
// the per-user cache folder (beside the code caches, cli/load-cached-script.ts), so a run whose
// config is unchanged neither loads the YAML parser nor parses: about 15–20 ms of a 10-file check.
// An entry holds the build, the file name and the text it was made from, and is used only when
// all three are this run's; the file's name is only a hash to find it by. Only valid configs are
// kept (an invalid one is reported from a fresh parse every time). Anything wrong with an entry,
// and the config is parsed as usual.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ConfigResult } from "../shared/core/config/parse-config.js";
import { isOwnCacheDir, writeCache } from "./load-cached-script.js";

export interface ConfigCache {
  /** The per-user cache folder. */
  dir: string;
  /** Names the build that validated an entry: a new shipgate must validate again. */
  build: string;
}

interface Entry {
  build: string;
  file: string;
  text: string | null;
  result: ConfigResult;
}

type Parse = (text: string | null, file: string) => ConfigResult;

/** parse(text, file), or the result an earlier run of this build kept for the same file and text. */
export function parseConfigCached(
  text: string | null,
  file: string,
  cache: ConfigCache | null,
  parse: Parse,
): ConfigResult {
  if (cache === null || !isOwnCacheDir(cache.dir)) return parse(text, file);
  const key = `${cache.build}\0${file}\0${text ?? "\0null"}`;
  const entryFile = path.join(cache.dir, `config-${fnv1a(key)}.json`);
  const kept = readEntry(entryFile);
  if (kept !== null && kept.build === cache.build && kept.file === file && kept.text === text) {
    return kept.result;
  }
  const result = parse(text, file);
  if (result.ok) {
    const entry: Entry = { build: cache.build, file, text, result };
    writeCache(entryFile, JSON.stringify(entry));
  }
  return result;
}

function readEntry(file: string): Entry | null {
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as Partial<Entry> | null;
    const result = entry?.result;
    const usable =
      typeof entry?.build === "string" &&
      typeof entry.file === "string" &&
      (typeof entry.text === "string" || entry.text === null) &&
      result?.ok === true &&
      typeof result.config === "object" &&
      result.config !== null &&
      Array.isArray(result.warnings);
    return usable ? (entry as Entry) : null;
  } catch {
    return null;
  }
}

/** 32-bit FNV-1a of the UTF-16 code units, in hex: a name to find an entry by, not a check. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
