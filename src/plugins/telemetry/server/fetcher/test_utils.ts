/*
 * Shared by the sender's unit tests: an in-memory `telemetry` saved object and a fetcher task wired to mocks.
 */
import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { createLoggerMock } from '../../../usage_collection/server/mocks';
import { telemetryCollectionManagerPluginMock } from '../../../telemetry_collection_manager/server/mocks';
import type { TelemetrySavedObjectAttributes } from '../../common/telemetry_config';
import { toEntry } from '../ledger/entry';
import type { NewReport, ReportEntry } from '../ledger';
import { createOptInService } from '../opt_in_state';
import { createFetcherTask, type FetcherTaskOptions } from './fetcher_task';

export const HOUR = 3600000;
export const VERSION = '2.19.0';
export const report = (optIn = true) => ({ cluster_uuid: 'c1', stack_stats: { opensearch_dashboards: { plugins: { telemetry: { opt_in_status: optIn } } } } });
export const JWE = 'jwe.compact.token.here.x';
/** What the manager's getSendableReports gives: the plaintext serialised once, the body its JWE unless not encrypted. */
export const serialized = (encrypted: boolean) => {
  const plaintext = JSON.stringify(report());
  return { clusterUuid: 'c1', plaintext, body: encrypted ? JWE : plaintext, encrypted };
};

/**
 * An in-memory `telemetry` saved object with versions, conflicts and an await on every call (a turn of the
 * event loop, so that two servers interleave; a microtask under fake timers).
 */
export function createFakeStore(initial?: TelemetrySavedObjectAttributes, { microtasks = false } = {}) {
  let doc = initial ? { attributes: { ...initial }, seq: 1 } : undefined;
  let seq = 1;
  const yieldOnce = () => (microtasks ? Promise.resolve() : new Promise((r) => setImmediate(r)));
  const notFound = () => SavedObjectsErrorHelpers.createGenericNotFoundError('telemetry', 'telemetry');
  const conflict = () => SavedObjectsErrorHelpers.createConflictError('telemetry', 'telemetry');
  return {
    attributes: () => doc?.attributes,
    client: {
      get: jest.fn(async () => {
        await yieldOnce();
        if (!doc) throw notFound();
        return { attributes: { ...doc.attributes }, version: String(doc.seq) } as any;
      }),
      update: jest.fn(async (_type: string, _id: string, attributes: object, options: { version?: string } = {}) => {
        await yieldOnce();
        if (!doc) throw notFound();
        if (options.version !== undefined && options.version !== String(doc.seq)) throw conflict();
        doc = { attributes: { ...doc.attributes, ...attributes }, seq: ++seq };
        return { version: String(doc.seq) } as any;
      }),
      create: jest.fn(async (_type: string, attributes: object) => {
        await yieldOnce();
        if (doc) throw conflict();
        doc = { attributes: { ...attributes }, seq: ++seq };
        return { version: String(doc.seq) } as any;
      }),
    },
  };
}

export function setup(options: { store?: ReturnType<typeof createFakeStore>; optIn?: boolean; debug?: boolean; generateOnly?: boolean; clock?: { now: number } } = {}) {
  const store = options.store ?? createFakeStore();
  const clock = options.clock ?? { now: Date.parse('2024-03-01T12:00:00Z') };
  const logger = createLoggerMock();
  const optIn = createOptInService({
    logger,
    config: { optIn: 'optIn' in options ? options.optIn : true, allowChangingOptInStatus: true, sendUsageFrom: 'server' },
    environment: { debug: false },
    currentVersion: VERSION,
    getInternalClient: () => store.client,
    pollIntervalMs: HOUR,
  });
  const collectionManager = telemetryCollectionManagerPluginMock.createStartContract();
  collectionManager.getSendableReports.mockImplementation(async ({ encrypt }) => [serialized(encrypt !== false)]);
  const httpClient = { post: jest.fn().mockResolvedValue({ status: 200 }) };
  let recorded = 0;
  const ledger = { record: jest.fn(async (r: NewReport): Promise<ReportEntry> => ({ ...toEntry(`id-${++recorded}`, r) })) };
  const fetcherOptions: FetcherTaskOptions = {
    logger,
    url: 'http://127.0.0.1:9/send',
    timings: { initialCheckDelayMs: 10, checkIntervalMs: 12 * HOUR, reportIntervalMs: 24 * HOUR, retryDelayMs: HOUR, failurePauseMs: 24 * HOUR, requestTimeoutMs: 1000 },
    currentVersion: VERSION,
    instanceUuid: 'uuid-1',
    debug: options.debug ?? false,
    generateOnly: options.generateOnly,
    optIn,
    getSavedObjectsClient: () => store.client as any,
    collectionManager,
    httpClient,
    ledger,
    now: () => clock.now,
    startedAt: clock.now - HOUR,
  };
  return { task: createFetcherTask(fetcherOptions), store, clock, logger, collectionManager, httpClient, fetcherOptions, ledger };
}
