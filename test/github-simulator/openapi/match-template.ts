// Matches a request path against an OpenAPI path template such as /repos/{owner}/{repo}.
// A trailing {path} parameter swallows the rest of the path, as the contents API needs.

export type PathParams = Record<string, string>;

export interface CompiledTemplate {
  template: string;
  /** Literal segments sort first so /issues/comments beats /issues/{issue_number}. */
  rank: string;
  match(segments: readonly string[]): PathParams | undefined;
}

export function compileTemplate(template: string): CompiledTemplate {
  const parts = template.split("/").slice(1);
  const last = parts[parts.length - 1];
  const greedy = last === "{path}";
  const rank = parts.map((p) => (p.startsWith("{") ? "1" : "0")).join("");
  return {
    template,
    rank,
    match(segments) {
      if (greedy ? segments.length < parts.length : segments.length !== parts.length) {
        return undefined;
      }
      const params: PathParams = {};
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as string;
        const segment = segments[i] as string;
        if (part.startsWith("{")) {
          if (segment === "") return undefined;
          const name = part.slice(1, -1);
          const isRest = greedy && i === parts.length - 1;
          params[name] = isRest ? segments.slice(i).map(decode).join("/") : decode(segment);
        } else if (part !== segment) {
          return undefined;
        }
      }
      return params;
    },
  };
}

export function splitPath(pathname: string): string[] {
  return pathname.replace(/\/+$/, "").split("/").slice(1);
}

/** Best (most literal) match among templates, or undefined. */
export function matchBest<T extends CompiledTemplate>(
  templates: readonly T[],
  pathname: string,
  accept: (entry: T) => boolean = () => true,
): { entry: T; params: PathParams } | undefined {
  const segments = splitPath(pathname);
  let best: { entry: T; params: PathParams } | undefined;
  for (const entry of templates) {
    const params = entry.match(segments);
    if (params && !accept(entry)) continue;
    if (params && (!best || entry.rank < best.entry.rank)) best = { entry, params };
  }
  return best;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
