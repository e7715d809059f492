import type { CollectorsResponse } from '../../common';
import { shapeCollectors } from './shape';

/** Measuring health runs every collector once, so one measurement serves every page view for this long. */
export const HEALTH_CACHE_MS = 60_000;

export type BulkFetch = () => Promise<Array<{ type: string; result: unknown }>>;

/**
 * Collector health from the `usage_collector_stats` entry of a bulk fetch, cached for HEALTH_CACHE_MS and
 * shared by concurrent callers, so opening the page never runs the collectors more than once a minute.
 */
export class CollectorHealth {
  private cached?: { at: number; value: CollectorsResponse };
  private inFlight?: Promise<CollectorsResponse>;

  constructor(
    private readonly bulkFetch: BulkFetch,
    private readonly now: () => number = Date.now
  ) {}

  public async get(): Promise<CollectorsResponse> {
    const { cached } = this;
    if (cached && this.now() - cached.at < HEALTH_CACHE_MS) return cached.value;
    this.inFlight ??= this.measure().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async measure(): Promise<CollectorsResponse> {
    const at = this.now();
    const results = await this.bulkFetch();
    const stats = results.find((r) => r.type === 'usage_collector_stats')?.result as Parameters<typeof shapeCollectors>[0];
    const value = shapeCollectors(stats, new Date(at).toISOString());
    this.cached = { at, value };
    return value;
  }
}
