// What every response builder needs: where the API and the web UI live, for the *_url fields.

export interface BuildContext {
  /** Simulator base URL, standing in for https://api.github.com. */
  api: string;
  /** Web UI base, for html_url fields. */
  html: string;
}

/** A stable positive integer id for names that have no record of their own (users, apps). */
export function stableId(name: string): number {
  let hash = 7;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 2_000_000_000;
  return hash + 1;
}

export function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`).toString("base64url");
}
