// Decides whether Redis can be used right now: every client connected and ready, and no Redis
// error in the last `cooldownMs`. Reports each change once, as it happens.
import type { Redis } from "ioredis";

export interface RedisHealth {
  isUp(): boolean;
  /** A Redis command failed: treat Redis as away for a cool-down, even if the socket looks fine. */
  degrade(reason: unknown): void;
  stop(): void;
}

export interface RedisHealthOptions {
  onChange(up: boolean, reason: string): void;
  cooldownMs?: number;
  /** How often to look again when no client event says so (cool-downs end silently). */
  pollMs?: number;
  now?: () => number;
}

type Watched = Pick<Redis, "status" | "on" | "off">;

const EVENTS = ["ready", "close", "end", "reconnecting"] as const;

export function createRedisHealth(clients: Watched[], options: RedisHealthOptions): RedisHealth {
  const now = options.now ?? Date.now;
  const cooldownMs = options.cooldownMs ?? 1000;
  let up = false;
  let quietUntil = 0;
  let lastReason = "not connected yet";

  const check = () => {
    const ready = clients.every((c) => c.status === "ready") && now() >= quietUntil;
    if (ready === up) return;
    up = ready;
    options.onChange(up, up ? "connected" : lastReason);
  };
  const onEvent = (event: string) => () => {
    if (event !== "ready") lastReason = `connection ${event}`;
    check();
  };
  const listeners = EVENTS.map((event) => [event, onEvent(event)] as const);
  for (const client of clients) for (const [event, fn] of listeners) client.on(event, fn);
  const timer = setInterval(check, options.pollMs ?? 250);
  timer.unref();
  check();

  return {
    isUp: () => up,
    degrade(reason) {
      lastReason = reason instanceof Error ? reason.message : String(reason);
      quietUntil = now() + cooldownMs;
      check();
    },
    stop() {
      clearInterval(timer);
      for (const client of clients) for (const [event, fn] of listeners) client.off(event, fn);
    },
  };
}
