// Stops a Redis-backed Bottleneck.Group for good without sending Redis anything (it may be away):
// drops its waiting jobs and stops its timers. Bottleneck 2 has no public call that does this
// (`disconnect` unsubscribes, and an unsubscribe refused offline is an unhandled rejection).
import type Bottleneck from "bottleneck";

interface GroupInternals {
  interval?: ReturnType<typeof setInterval>;
}
interface LimiterInternals {
  _store?: { heartbeat?: ReturnType<typeof setInterval> };
}

export function retireClusteredGroup(group: Bottleneck.Group): void {
  clearInterval((group as unknown as GroupInternals).interval);
  for (const { limiter } of group.limiters()) {
    limiter.stop({ dropWaitingJobs: true }).catch(() => undefined);
    clearInterval((limiter as unknown as LimiterInternals)._store?.heartbeat);
  }
}
