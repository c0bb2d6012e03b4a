// The job store shared by instances through Redis. Leases are SET NX PX with a random token,
// renewed and released only by their holder (compare-and-set in Lua).
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { renewLease, type InFlight, type JobStore } from "./job-store.js";

const PREFIX = "shipgate:";
/** GitHub redelivers for a few days at most; counts outlive any open pull request's pause. */
const DELIVERY_TTL_S = 7 * 24 * 3600;
const STATE_TTL_S = 90 * 24 * 3600;

// Extends the holder's lease, or takes it back when nobody holds it (it lapsed, or Redis lost it).
const RENEW = `local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const COVER = `local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
if tonumber(ARGV[1]) >= seq then redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'head', ARGV[2]) end
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * One more event for the pull request. A count that does not exist yet (a new pull request, or
 * Redis lost its data: restarted without persistence, failed over to an empty replica) starts at
 * Redis' clock in microseconds, not at 0, so it stays above every count taken before. A job that
 * read its count before the loss and records its evaluation after it (its evaluation ran while
 * Redis was away) then covers no event counted after the loss, where a count restarted at 1 let
 * that stale record swallow the next pushes: their heads were never evaluated.
 */
const NEXT_SEQ = `if redis.call('EXISTS', KEYS[1]) == 0 then
  local now = redis.call('TIME')
  redis.call('SET', KEYS[1], now[1] .. string.format('%06d', tonumber(now[2])))
end
local seq = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return seq`;

/** `redis` is owned by the store: close() disconnects it. */
export function createRedisJobStore(redis: Redis): JobStore {
  return {
    async claimDelivery(id) {
      return (await redis.set(`${PREFIX}delivery:${id}`, "1", "EX", DELIVERY_TTL_S, "NX")) === "OK";
    },
    releaseDelivery: async (id) => void (await redis.del(`${PREFIX}delivery:${id}`)),
    nextSeq: async (key) =>
      Number(await redis.eval(NEXT_SEQ, 1, `${PREFIX}seq:${key}`, STATE_TTL_S)),
    lastSeq: async (key) => Number((await redis.get(`${PREFIX}seq:${key}`)) ?? 0),
    async readCovered(key) {
      const [seq, head] = await redis.hmget(`${PREFIX}covered:${key}`, "seq", "head");
      return seq && head ? { seq: Number(seq), head } : null;
    },
    async writeCovered(key, covered) {
      await redis.eval(COVER, 1, `${PREFIX}covered:${key}`, covered.seq, covered.head, STATE_TTL_S);
    },
    async lease(key, ttlMs) {
      const name = `${PREFIX}lease:${key}`;
      const token = randomUUID();
      if ((await redis.set(name, token, "PX", ttlMs, "NX")) !== "OK") return null;
      return renewLease(
        ttlMs,
        async () => (await redis.eval(RENEW, 1, name, token, ttlMs)) === 1,
        async () => void (await redis.eval(RELEASE, 1, name, token)),
      );
    },
    async readInFlight(key) {
      const text = await redis.hget(`${PREFIX}inflight`, key);
      return text ? (JSON.parse(text) as InFlight) : null;
    },
    async writeInFlight(key, value) {
      if (value) await redis.hset(`${PREFIX}inflight`, key, JSON.stringify(value));
      else await redis.hdel(`${PREFIX}inflight`, key);
    },
    ping: async () => void (await redis.ping()),
    close: async () => void redis.disconnect(),
  };
}
