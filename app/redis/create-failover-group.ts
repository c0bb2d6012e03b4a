// A Bottleneck.Group look-alike for @octokit/plugin-throttling: jobs go through limiters shared
// in Redis while it answers, and through local limiters with the same pacing while it does not.
// Every job runs exactly once: whichever limiter starts it first claims it.
import Bottleneck from "bottleneck";
import { retireClusteredGroup } from "./retire-clustered-group.js";
import type { ThrottleGroupSettings } from "./throttle-group-settings.js";

type Task = (...args: never[]) => unknown;

/** The part of Bottleneck's limiter the throttling plugin calls. */
export interface FailoverLimiter {
  schedule(options: Bottleneck.JobOptions, fn: Task, ...args: unknown[]): Promise<unknown>;
}

export interface FailoverGroup {
  key(key?: string): FailoverLimiter;
  /** Redis went away: waiting jobs move to the local limiters, the Redis ones are retired. */
  failover(): void;
  /** Redis is back: new jobs share their limits through `connection` again. */
  recover(connection: Bottleneck.IORedisConnection): void;
  /** Jobs waiting in a Redis-backed limiter, not yet started. */
  waiting(): number;
}

export interface FailoverGroupOptions {
  /**
   * How long a shared slot may be held (default: what the caller asks, @octokit/plugin-throttling
   * 60 s). A killed instance never frees its slots; Redis frees them only after this, and until
   * then every instance has that many fewer: a kill holding all of `global`'s ten stopped every
   * instance's requests for a minute. A live request that outlasts it keeps running; only its
   * slot is given back early.
   */
  slotExpiryMs?: number;
}

export function createFailoverGroup(
  settings: ThrottleGroupSettings,
  onRedisError: (error: unknown) => void,
  options: FailoverGroupOptions = {},
): FailoverGroup {
  const local = new Bottleneck.Group({ ...settings });
  let clustered: Bottleneck.Group | undefined;
  const rescues = new Set<() => void>();

  const runLocally = (key: string, options: Bottleneck.JobOptions, fn: Task, args: unknown[]) => {
    // Expiration only frees a crashed client's share in Redis; locally it would just cut a
    // slow request short.
    const { expiration: _expiration, ...rest } = options;
    return (local.key(key) as unknown as FailoverLimiter).schedule(rest, fn, ...args);
  };

  const schedule = (key: string, job: Bottleneck.JobOptions, fn: Task, args: unknown[]) => {
    const group = clustered;
    if (!group) return runLocally(key, job, fn, args);
    const sharedJob =
      options.slotExpiryMs === undefined ? job : { ...job, expiration: options.slotExpiryMs };
    return new Promise<unknown>((resolve, reject) => {
      let claimed = false;
      const claim = () => {
        if (claimed) return false;
        claimed = true;
        rescues.delete(rescue);
        return true;
      };
      const rescue = () => {
        if (claim()) runLocally(key, job, fn, args).then(resolve, reject);
      };
      rescues.add(rescue);
      const shared = async () => {
        if (!claim()) return;
        const result = Promise.resolve().then(() => (fn as (...a: unknown[]) => unknown)(...args));
        result.then(resolve, reject);
        // Hold the shared slot until the task is done; its outcome is reported above.
        await result.catch(() => undefined);
      };
      (group.key(key) as unknown as FailoverLimiter)
        .schedule(sharedJob, shared)
        .catch((error: unknown) => {
          // Rejected before it started: Redis failed to take the job, or its limiter was retired.
          if (!claimed) onRedisError(error);
          rescue();
        });
    });
  };

  return {
    key: (key = "") => ({
      schedule: (options, fn, ...args) => schedule(key, options, fn, args),
    }),
    failover() {
      const group = clustered;
      clustered = undefined;
      if (!group) return;
      // The local limiters have not seen the shared jobs that just ran: a placeholder per key
      // keeps the next local job one `minTime` after the failover instead of right away.
      for (const key of group.keys()) void local.key(key).schedule(async () => undefined);
      for (const rescue of [...rescues]) rescue();
      retireClusteredGroup(group);
    },
    recover(connection) {
      const group = new Bottleneck.Group({ ...settings, connection });
      group.on("created", (limiter: Bottleneck) => limiter.on("error", onRedisError));
      clustered = group;
    },
    waiting: () => rescues.size,
  };
}
