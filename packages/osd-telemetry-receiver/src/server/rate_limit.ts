/**
 * Per-client budget of ingest requests: at most `perMinute` in any fixed minute window. Clients are keyed
 * by address; the table is bounded (`maxClients`), emptied at each new window, so a flood of addresses
 * cannot grow it. Returns seconds to wait when over, else 0.
 */
export function createRateLimiter({ perMinute, maxClients = 100000, now = Date.now }: { perMinute: number; maxClients?: number; now?: () => number }) {
  let windowStart = 0;
  const counts = new Map<string, number>();
  return (client: string): number => {
    const t = now();
    if (t - windowStart >= 60000) {
      windowStart = t;
      counts.clear();
    }
    const seen = counts.get(client) ?? 0;
    if (seen >= perMinute) return Math.max(1, Math.ceil((windowStart + 60000 - t) / 1000));
    if (seen === 0 && counts.size >= maxClients) return Math.max(1, Math.ceil((windowStart + 60000 - t) / 1000));
    counts.set(client, seen + 1);
    return 0;
  };
}
