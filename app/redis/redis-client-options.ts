// ioredis settings for the shared throttle: fail fast while Redis is away (ioredis' defaults queue
// every command until Redis returns, which left webhooks waiting ~70 s), keep reconnecting.
import { Redis, type RedisOptions } from "ioredis";

export const FAIL_FAST_REDIS_OPTIONS: RedisOptions = {
  // A command sent while disconnected fails at once instead of waiting in ioredis' queue.
  enableOfflineQueue: false,
  // A command in flight when the connection drops fails after one reconnect attempt.
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  // A half-open connection (no FIN, no answer) counts as a failure too.
  commandTimeout: 2000,
  // Keep trying for as long as the process runs, at most every 2 s, so sharing resumes soon.
  retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
};

/** `config` is REDIS_URL (`redis://…`) or ioredis options; the fail-fast settings win. */
export function createRedisClient(config: string | RedisOptions): Redis {
  return typeof config === "string"
    ? new Redis(config, FAIL_FAST_REDIS_OPTIONS)
    : new Redis({ ...config, ...FAIL_FAST_REDIS_OPTIONS });
}
