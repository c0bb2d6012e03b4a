// Remembers recent webhook delivery ids (X-GitHub-Delivery) so a redelivered event does no
// duplicate writes. In memory and per instance: behind a load balancer, the sticky comment's
// marker and the head-SHA guard still keep duplicates harmless.

export interface DeliveryGuard {
  /** True the first time an id is seen; false for a duplicate. */
  claim(id: string): boolean;
  /** Forgets an id whose handling failed, so a manual redelivery is processed. */
  release(id: string): void;
}

export function createDeliveryGuard(capacity = 5000): DeliveryGuard {
  const seen = new Set<string>();
  return {
    claim(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      // A Set iterates in insertion order: the first entry is the oldest.
      if (seen.size > capacity) seen.delete(seen.values().next().value as string);
      return true;
    },
    release: (id) => void seen.delete(id),
  };
}
