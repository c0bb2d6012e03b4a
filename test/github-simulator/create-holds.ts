// Gates: a test holds the requests matching a method and path (a slow API, made deterministic)
// and releases them when it chooses, so "in the middle of an evaluation" is a fact the test
// observed (the request arrived), not a guess about timing. A held request waits outside the
// one-at-a-time queue, so every other request is answered meanwhile.

export interface HoldSpec {
  method?: string;
  /** Exact API path (without the base path) or a RegExp tested on it. */
  path?: string | RegExp;
}

export interface HeldRequest {
  method: string;
  path: string;
}

export interface Gate {
  /** Requests that arrived at the gate so far (held, or let through after release). */
  readonly arrived: readonly HeldRequest[];
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs` (a failing test). */
  waitForArrivals(count: number, timeoutMs?: number): Promise<HeldRequest[]>;
  /** Lets every held request through and stops holding new ones. */
  release(): void;
}

export interface HoldRegistry {
  add(spec: HoldSpec): Gate;
  /** Resolves when the request may be handled: at once, or when its gate is released. */
  pass(request: HeldRequest): Promise<void>;
  /** Lets everything through (the simulator is closing). */
  releaseAll(): void;
}

interface Entry {
  spec: HoldSpec;
  open: boolean;
  arrived: HeldRequest[];
  held: (() => void)[];
  watchers: (() => boolean)[];
}

export function createHolds(): HoldRegistry {
  const entries: Entry[] = [];
  const release = (entry: Entry) => {
    entry.open = true;
    for (const resume of entry.held.splice(0)) resume();
  };
  return {
    add(spec) {
      const entry: Entry = { spec, open: false, arrived: [], held: [], watchers: [] };
      entries.push(entry);
      return {
        arrived: entry.arrived,
        waitForArrivals(count, timeoutMs = 60_000) {
          return new Promise((resolve, reject) => {
            const check = () => {
              if (entry.arrived.length < count) return false;
              clearTimeout(timer);
              resolve([...entry.arrived]);
              return true;
            };
            const timer = setTimeout(() => {
              const seen = entry.arrived.map((r) => `${r.method} ${r.path}`).join(", ") || "none";
              reject(new Error(`gate: ${count} request(s) expected in ${timeoutMs} ms; ${seen}`));
            }, timeoutMs);
            if (!check()) entry.watchers.push(check);
          });
        },
        release: () => release(entry),
      };
    },
    pass(request) {
      const entry = entries.find((e) => !e.open && matches(e.spec, request));
      if (!entry) return Promise.resolve();
      entry.arrived.push(request);
      entry.watchers = entry.watchers.filter((check) => !check());
      return new Promise((resolve) => entry.held.push(resolve));
    },
    releaseAll() {
      for (const entry of entries) release(entry);
    },
  };
}

function matches(spec: HoldSpec, request: HeldRequest): boolean {
  if (spec.method && spec.method.toUpperCase() !== request.method) return false;
  if (spec.path === undefined) return true;
  return typeof spec.path === "string" ? spec.path === request.path : spec.path.test(request.path);
}
