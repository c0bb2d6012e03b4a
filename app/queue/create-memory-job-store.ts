// The job store of a single instance: plain maps. Delivery ids are kept up to a capacity.
import { renewLease, type Covered, type InFlight, type JobStore } from "./job-store.js";

export function createMemoryJobStore(deliveryCapacity = 5000): JobStore {
  const deliveries = new Set<string>();
  const seqs = new Map<string, number>();
  const covered = new Map<string, Covered>();
  const leases = new Map<string, symbol>();
  const inFlight = new Map<string, InFlight>();
  return {
    async claimDelivery(id) {
      if (deliveries.has(id)) return false;
      deliveries.add(id);
      // A Set iterates in insertion order: the first entry is the oldest.
      if (deliveries.size > deliveryCapacity)
        deliveries.delete(deliveries.values().next().value as string);
      return true;
    },
    releaseDelivery: async (id) => void deliveries.delete(id),
    async nextSeq(key) {
      const seq = (seqs.get(key) ?? 0) + 1;
      seqs.set(key, seq);
      return seq;
    },
    lastSeq: async (key) => seqs.get(key) ?? 0,
    readCovered: async (key) => covered.get(key) ?? null,
    async writeCovered(key, next) {
      if ((covered.get(key)?.seq ?? 0) <= next.seq) covered.set(key, next);
    },
    async lease(key, ttlMs) {
      if (leases.has(key)) return null;
      const token = Symbol(key);
      leases.set(key, token);
      return renewLease(
        ttlMs,
        async () => {
          if (!leases.has(key)) leases.set(key, token);
          return leases.get(key) === token;
        },
        async () => void (leases.get(key) === token && leases.delete(key)),
      );
    },
    readInFlight: async (key) => inFlight.get(key) ?? null,
    async writeInFlight(key, value) {
      if (value) inFlight.set(key, value);
      else inFlight.delete(key);
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
}
