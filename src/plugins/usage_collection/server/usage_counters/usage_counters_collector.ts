import type { ISavedObjectsRepository } from '../../../../core/server';
import type { MakeSchemaFrom } from '../collector';
import type { UsageCollectionSetup } from '../types';
import { utcDayBefore } from './counter_names';
import { USAGE_COUNTERS_SAVED_OBJECT_TYPE } from './constants';
import type { UsageCountersSavedObjectAttributes } from './types';

/** One daily counter in the report (upstream's `usage_counters.dailyEvents` entry). */
export interface UsageCounterDailyEvent {
  domainId: string;
  counterName: string;
  counterType: string;
  /** When the counter was last stored (ISO). */
  lastUpdatedAt: string;
  /** The start of its UTC day (ISO). */
  fromTimestamp: string;
  total: number;
}

export interface UsageCountersUsage {
  dailyEvents: UsageCounterDailyEvent[];
}

/**
 * The report's budget of daily counters. Counters are named by code, not by clients, so a deployment has a
 * bounded set; this only bounds a report over a store filled by a runaway plugin (the newest days are kept).
 */
export const MAX_DAILY_EVENTS = 10_000;
/** Objects read per page. */
export const USAGE_COUNTERS_PAGE_SIZE = 1000;

export const usageCountersSchema: MakeSchemaFrom<UsageCountersUsage> = {
  dailyEvents: {
    type: 'array',
    items: {
      domainId: { type: 'keyword', _meta: { description: 'The domain of the counter: the plugin (or core) that counts' } },
      counterName: { type: 'keyword', _meta: { description: 'What is counted, e.g. savedObjects.get' } },
      counterType: { type: 'keyword', _meta: { description: 'The kind of count, e.g. count or click' } },
      lastUpdatedAt: { type: 'date', _meta: { description: 'When the daily counter was last stored' } },
      fromTimestamp: { type: 'date', _meta: { description: 'The start of the UTC day the count belongs to' } },
      total: { type: 'long', _meta: { description: 'The count of that UTC day' } },
    },
    _meta: { description: 'One entry per usage counter and UTC day, for the last days (usageCollection.usageCounters.retainDays), newest first' },
  },
};

type Repository = Pick<ISavedObjectsRepository, 'scan'>;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The report entry of one stored daily counter, or undefined when it is unreadable (then skipped). */
export function toDailyEvent(attributes: Partial<UsageCountersSavedObjectAttributes> | undefined, updatedAt: string | undefined): UsageCounterDailyEvent | undefined {
  if (!attributes) return undefined;
  const { domainId, counterName, counterType, date, count } = attributes;
  if (!isText(domainId) || !isText(counterName) || !isText(counterType) || !isText(date) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return undefined;
  const fromTimestamp = `${date}T00:00:00.000Z`;
  return { domainId, counterName, counterType, lastUpdatedAt: updatedAt ?? fromTimestamp, fromTimestamp, total: count };
}

/** Newest day first, then by domain, name and type: a stable order for a stable report. */
function compareEvents(a: UsageCounterDailyEvent, b: UsageCounterDailyEvent) {
  if (a.fromTimestamp !== b.fromTimestamp) return a.fromTimestamp < b.fromTimestamp ? 1 : -1;
  for (const key of ['domainId', 'counterName', 'counterType'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

/** The daily counters of the last `retainDays` UTC days (today included) as of `now`. */
export async function collectUsageCounters(repository: Repository, retainDays: number, now: Date, maxEvents = MAX_DAILY_EVENTS): Promise<UsageCountersUsage> {
  const firstDay = utcDayBefore(now, retainDays - 1);
  const events: UsageCounterDailyEvent[] = [];
  for await (const page of repository.scan<UsageCountersSavedObjectAttributes>({ type: USAGE_COUNTERS_SAVED_OBJECT_TYPE, perPage: USAGE_COUNTERS_PAGE_SIZE })) {
    for (const object of page) {
      const event = toDailyEvent(object.attributes, object.updated_at);
      if (event && event.fromTimestamp.slice(0, 10) >= firstDay) events.push(event);
    }
  }
  events.sort(compareEvents);
  return { dailyEvents: events.length > maxEvents ? events.slice(0, maxEvents) : events };
}

/** Registers `usage_counters`: the daily usage counters of the last `retainDays` days. */
export function registerUsageCountersCollector(
  usageCollection: UsageCollectionSetup,
  { getRepository, retainDays, now = () => new Date() }: { getRepository: () => Repository | undefined; retainDays: number; now?: () => Date }
) {
  const collector = usageCollection.makeUsageCollector<UsageCountersUsage>({
    type: 'usage_counters',
    category: 'usage',
    schema: usageCountersSchema,
    isReady: () => getRepository() !== undefined,
    fetch: async () => {
      const repository = getRepository();
      if (!repository) return undefined;
      return collectUsageCounters(repository, retainDays, now());
    },
  });
  usageCollection.registerCollector(collector);
}
