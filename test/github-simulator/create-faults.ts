// Fault injection: tests queue failures (rate limits, 5xx, "the write happened but the answer
// was lost") that the next matching requests receive instead of the normal response.
import { DOCS_URL, type RouteResult } from "./route-kit.js";

export interface FaultSpec {
  method?: string;
  /** Exact request path, the OpenAPI template it matched, or a RegExp tested on the path. */
  path?: string | RegExp;
  /** How many matching requests fail; default 1. Use Infinity for "until cancelled". */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  /** JSON body; defaults to GitHub's {message, documentation_url} for the status. */
  body?: unknown;
  /** Perform the write first, then answer with the fault (a lost response). Non-GET only. */
  afterWrite?: boolean;
}

export interface FaultHandle {
  /** Requests this fault has answered so far. */
  readonly hits: number;
  readonly remaining: number;
  cancel(): void;
}

export interface FaultRegistry {
  add(spec: FaultSpec): FaultHandle;
  /** Consumes and returns the first armed fault for this request and phase. */
  take(
    request: { method: string; path: string; template?: string },
    afterWrite: boolean,
  ): RouteResult | undefined;
}

const MESSAGES: Record<number, string> = {
  401: "Bad credentials",
  403: "Forbidden",
  404: "Not Found",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function createFaults(): FaultRegistry {
  const armed: { spec: FaultSpec; remaining: number; hits: number }[] = [];
  return {
    add(spec) {
      const entry = { spec, remaining: spec.times ?? 1, hits: 0 };
      armed.push(entry);
      return {
        get hits() {
          return entry.hits;
        },
        get remaining() {
          return entry.remaining;
        },
        cancel: () => void (entry.remaining = 0),
      };
    },
    take(request, afterWrite) {
      const entry = armed.find(
        ({ spec, remaining }) =>
          remaining > 0 &&
          (spec.afterWrite ?? false) === afterWrite &&
          (!spec.method || spec.method.toUpperCase() === request.method) &&
          pathMatches(spec.path, request),
      );
      if (!entry) return undefined;
      entry.remaining--;
      entry.hits++;
      const { status, headers, body } = entry.spec;
      const fallback = {
        message: MESSAGES[status] ?? `HTTP ${status}`,
        documentation_url: DOCS_URL,
        status: String(status),
      };
      return { status, body: body ?? fallback, ...(headers ? { headers } : {}) };
    },
  };
}

function pathMatches(
  pattern: FaultSpec["path"],
  request: { path: string; template?: string },
): boolean {
  if (pattern === undefined) return true;
  if (typeof pattern === "string") return pattern === request.path || pattern === request.template;
  return pattern.test(request.path);
}
