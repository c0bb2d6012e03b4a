// Probot's request throttling shared between instances through Redis (REDIS_URL), and kept
// working without it: while Redis is away each instance paces its own requests, and sharing
// resumes when Redis answers again. Replaces Probot's `redisConfig`, whose limiters wait for Redis.
import Bottleneck from "bottleneck";
import type { RedisOptions } from "ioredis";
import { ProbotOctokit } from "probot";
import { createFailoverGroup, type FailoverGroup } from "./create-failover-group.js";
import { createRedisHealth } from "./create-redis-health.js";
import { createRedisClient } from "./redis-client-options.js";
import { THROTTLE_GROUP_SETTINGS, type ThrottleGroupName } from "./throttle-group-settings.js";
import { unprefixScriptErrors } from "./unprefix-script-errors.js";

export interface ThrottleLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface SharedThrottle {
  /** Probot's Octokit with the shared limiters: pass it as Probot's `Octokit` option. */
  Octokit: typeof ProbotOctokit;
  /** `throttle` options for @octokit/plugin-throttling (what `Octokit` adds). */
  throttleOptions: Record<ThrottleGroupName, FailoverGroup> & { clustering: true };
  /** True while limits are shared through Redis. */
  isShared(): boolean;
  close(): Promise<void>;
}

export interface SharedThrottleOptions {
  /** Defaults to the logger Probot gives its Octokit. */
  log?: ThrottleLog;
  /** How long Redis may take to answer at start-up before a warning (default 5 s). */
  startupWarningMs?: number;
  /**
   * How long a killed instance's share of the limits stays taken (server.ts: JOB_LOCK_SECONDS,
   * when its jobs are taken over too); see create-failover-group.ts. Default: the plugin's 60 s.
   */
  slotExpiryMs?: number;
}

export function createSharedThrottle(
  redis: string | RedisOptions,
  options: SharedThrottleOptions = {},
): SharedThrottle {
  let log = options.log;
  const client = createRedisClient(redis);
  const connection = new Bottleneck.IORedisConnection({ client });
  unprefixScriptErrors(connection);
  const { subscriber } = connection as unknown as { subscriber: typeof client };
  const names = Object.keys(THROTTLE_GROUP_SETTINGS) as ThrottleGroupName[];
  const groups = Object.fromEntries(
    names.map((name) => [
      name,
      createFailoverGroup(
        THROTTLE_GROUP_SETTINGS[name],
        (error) => health.degrade(error),
        options.slotExpiryMs === undefined ? {} : { slotExpiryMs: options.slotExpiryMs },
      ),
    ]),
  ) as Record<ThrottleGroupName, FailoverGroup>;

  let shared = false;
  let closed = false;
  const health = createRedisHealth([client, subscriber], {
    onChange(up, reason) {
      if (closed) return;
      shared = up;
      for (const group of Object.values(groups)) {
        if (up) group.recover(connection);
        else group.failover();
      }
      if (up) log?.info("shipgate: Redis answers; request throttling is shared between instances");
      else
        log?.warn(
          `shipgate: Redis is unreachable (${reason}); throttling requests per instance until it answers`,
        );
    },
  });
  // ioredis errors also reach here through Bottleneck; without a listener they would be printed.
  let lastError: unknown;
  connection.on("error", (error: unknown) => {
    lastError = error;
    health.degrade(error);
  });
  // A wrong REDIS_URL is not a change of state: say so once instead of staying silent.
  const startup = setTimeout(() => {
    if (shared || closed) return;
    const reason = lastError instanceof Error ? lastError.message : "no answer";
    log?.warn(
      `shipgate: Redis (REDIS_URL) does not answer (${reason}); throttling requests per instance until it does`,
    );
  }, options.startupWarningMs ?? 5000);
  startup.unref();

  const throttleOptions = { ...groups, clustering: true as const };
  const Octokit = ProbotOctokit.defaults((instance: Record<string, unknown>) => {
    log ??= instance.log as ThrottleLog | undefined;
    return { ...instance, throttle: { ...(instance.throttle as object), ...throttleOptions } };
  }) as typeof ProbotOctokit;

  return {
    Octokit,
    throttleOptions,
    isShared: () => shared,
    async close() {
      closed = true;
      clearTimeout(startup);
      health.stop();
      await connection.disconnect(false);
    },
  };
}
