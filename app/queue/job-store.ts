// What instances agree on besides the queue itself: which deliveries were seen, each pull
// request's event count and what its last evaluation covered, and who is evaluating it now.
// In memory for one instance (create-memory-job-store.ts), in Redis for several
// (create-redis-job-store.ts); both pass test/app/queue/job-store.test.ts.

export interface Covered {
  /** The PR's event count when that evaluation read the pull request. */
  seq: number;
  /** The head it evaluated. */
  head: string;
}

/**
 * The head a job holding the pull request evaluates, recorded before it starts a check run there,
 * and the run once started.
 */
export interface InFlight {
  checkRunId?: number;
  head: string;
}

export interface Lease {
  /** False once a renewal found the lease taken over or could not reach the store. */
  held(): boolean;
  /**
   * Renews the lease now and says whether this holder has it: its own still, or taken back
   * because nobody took it meanwhile. False while another job holds it or the store is away.
   * What a job asks before it publishes: after an outage longer than the lease, another job may
   * have taken the pull request.
   */
  confirm(): Promise<boolean>;
  release(): Promise<void>;
}

export interface JobStore {
  /** True the first time a delivery id is seen (here or on any instance). */
  claimDelivery(id: string): Promise<boolean>;
  /** Forgets a delivery that could not be queued, so GitHub's redelivery is taken. */
  releaseDelivery(id: string): Promise<void>;
  /** Counts one more event for the pull request and returns its number. */
  nextSeq(key: string): Promise<number>;
  /** Events counted so far for the pull request. */
  lastSeq(key: string): Promise<number>;
  readCovered(key: string): Promise<Covered | null>;
  /** Records what an evaluation covered; never moves back to a lower count. */
  writeCovered(key: string, covered: Covered): Promise<void>;
  /**
   * Takes the pull request's lease for `ttlMs`, renewed while held; null when another job holds
   * it. A crashed holder's lease ends `ttlMs` after its last renewal.
   */
  lease(key: string, ttlMs: number): Promise<Lease | null>;
  /** The check run the lease holder is writing, if it died or was stopped before finishing. */
  readInFlight(key: string): Promise<InFlight | null>;
  writeInFlight(key: string, inFlight: InFlight | null): Promise<void>;
  /** Rejects while the store cannot answer (Redis away or still reconnecting): for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Renews a lease every third of its time until released. `renew` extends the holder's lease, or
 * takes it back when nobody holds it (it lapsed while the store was away, or the store lost its
 * data), and is false when another holder has it.
 */
export function renewLease(
  ttlMs: number,
  renew: () => Promise<boolean>,
  release: () => Promise<void>,
): Lease {
  let held = true;
  let released = false;
  const check = async (): Promise<boolean> => {
    try {
      const ok = await renew();
      if (!released) held = ok;
    } catch {
      held = false;
    }
    return held && !released;
  };
  const timer = setInterval(() => void check(), Math.max(10, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    held: () => held && !released,
    confirm: () => (released ? Promise.resolve(false) : check()),
    async release() {
      clearInterval(timer);
      if (released) return;
      released = true;
      held = false;
      // Compare-and-delete: safe whoever holds the lease now.
      await release();
    },
  };
}
