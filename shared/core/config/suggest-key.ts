// "Did you mean …?" for misspelt config keys: the closest allowed key by edit distance.

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The allowed key closest to `key`, if it is close enough to be a likely typo. */
export function suggestKey(key: string, allowed: readonly string[]): string | null {
  const normalized = key.toLowerCase().replace(/_/g, "-");
  let best: { key: string; distance: number } | null = null;
  for (const candidate of allowed) {
    const distance = editDistance(normalized, candidate);
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  if (!best) return null;
  const tolerance = Math.max(2, Math.floor(best.key.length / 3));
  return best.distance <= tolerance ? best.key : null;
}
