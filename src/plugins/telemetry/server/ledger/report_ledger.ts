import { SavedObjectsErrorHelpers, type Logger, type SavedObjectsClientContract } from '../../../../core/server';
import { newReportId, toEntry } from './entry';
import { selectExpired, TRIM_BATCH } from './retention';
import { REPORT_PAYLOAD_TYPE, REPORT_TYPE, type ReportPayloadAttributes } from './saved_object_types';
import type { NewReport, ReportEntry } from './types';

/** The saved-objects calls the ledger makes (the server's internal client, with both hidden types). */
export type LedgerClient = Pick<SavedObjectsClientContract, 'bulkCreate' | 'bulkGet' | 'find' | 'get' | 'delete'>;

/** Every report the deployment generated, newest first, `maxReports` at most. */
export interface ReportLedger {
  /** Stores the entry and its payload, then applies the retention. Rejects when the entry could not be stored. */
  record(report: NewReport): Promise<ReportEntry>;
  /** The newest `maxReports` entries, newest first; payloads are not read. */
  list(): Promise<ReportEntry[]>;
  /** One entry, or undefined. */
  get(id: string): Promise<ReportEntry | undefined>;
  /** Several entries in the order asked; `missing` lists the ids that do not exist. */
  getMany(ids: readonly string[]): Promise<{ entries: ReportEntry[]; missing: string[] }>;
  /** The payload (the exact JSON text) of an entry, or undefined when it is not stored. */
  getPayload(id: string): Promise<string | undefined>;
  /** The newest entry older than `entry` of the same cluster (what a diff compares against), or undefined. */
  previousOf(entry: ReportEntry): Promise<ReportEntry | undefined>;
}

export interface ReportLedgerOptions {
  logger: Logger;
  /** Undefined before the server has started. */
  getClient: () => LedgerClient | undefined;
  /** `telemetry.history.maxReports`. */
  maxReports: number;
  /** Makes the random part of ids (tests). */
  randomId?: () => string;
}

const asEntry = (id: string, attributes: Omit<ReportEntry, 'id'>) => ({ ...attributes, id }) as ReportEntry;

/** `read`'s answer, or undefined when the document does not exist. */
async function unlessNotFound<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (SavedObjectsErrorHelpers.isNotFoundError(error)) return undefined;
    throw error;
  }
}

export function createReportLedger({ logger, getClient, maxReports, randomId }: ReportLedgerOptions): ReportLedger {
  const client = () => {
    const found = getClient();
    if (!found) throw new Error('The telemetry report ledger cannot be used before the server has started.');
    return found;
  };

  const newestFirst = async (perPage: number) => {
    const { saved_objects } = await client().find<Omit<ReportEntry, 'id'>>({ type: REPORT_TYPE, sortField: 'generatedAt', sortOrder: 'desc', perPage, page: 1 });
    return saved_objects.map(({ id, attributes }) => asEntry(id, attributes));
  };

  /** Deletes the payload first: the entry is the index of what exists, so a crash in between leaves it to the next trim. */
  const remove = async (id: string) => {
    for (const type of [REPORT_PAYLOAD_TYPE, REPORT_TYPE]) {
      // Not found: another server trimmed it first.
      await unlessNotFound(() => client().delete(type, id));
    }
  };

  async function trim() {
    const expired = selectExpired(await newestFirst(maxReports + TRIM_BATCH), maxReports);
    for (const id of expired) await remove(id);
    if (expired.length > 0) logger.debug(`Dropped ${expired.length} telemetry report(s) past telemetry.history.maxReports (${maxReports}).`);
  }

  return {
    async record(report) {
      const entry = toEntry(newReportId(report.generatedAt, randomId), report);
      const { id, ...attributes } = entry;
      // One store call for both documents: one commit on SQLite, one _bulk on OpenSearch.
      const { saved_objects: written } = await client().bulkCreate<unknown>([
        { type: REPORT_TYPE, id, attributes },
        { type: REPORT_PAYLOAD_TYPE, id, attributes: { body: report.plaintext } satisfies ReportPayloadAttributes },
      ]);
      const failed = written.find((object) => object.error);
      if (failed) {
        // An entry without its payload would be listed but could not be shown or exported.
        await remove(id).catch(() => undefined);
        throw new Error(`could not store ${failed.type === REPORT_TYPE ? 'the entry' : 'the payload'}: ${failed.error?.message}`);
      }
      try {
        await trim();
      } catch (error) {
        logger.warn(`Could not apply telemetry.history.maxReports to the report ledger: ${(error as Error).message}`);
      }
      return entry;
    },
    list: () => newestFirst(maxReports),
    get: (id) => unlessNotFound(async () => asEntry(id, (await client().get<Omit<ReportEntry, 'id'>>(REPORT_TYPE, id)).attributes)),
    async getMany(ids) {
      if (ids.length === 0) return { entries: [], missing: [] };
      const { saved_objects } = await client().bulkGet<Omit<ReportEntry, 'id'>>(ids.map((id) => ({ type: REPORT_TYPE, id })));
      const entries: ReportEntry[] = [];
      const missing: string[] = [];
      for (const object of saved_objects) {
        if (object.error?.statusCode === 404) missing.push(object.id);
        else if (object.error) throw new Error(`could not read telemetry report [${object.id}]: ${object.error.message}`);
        else entries.push(asEntry(object.id, object.attributes));
      }
      return { entries, missing };
    },
    getPayload: (id) => unlessNotFound(async () => (await client().get<ReportPayloadAttributes>(REPORT_PAYLOAD_TYPE, id)).attributes.body),
    async previousOf(entry) {
      const all = await newestFirst(maxReports + TRIM_BATCH);
      const index = all.findIndex(({ id }) => id === entry.id);
      const older = index >= 0 ? all.slice(index + 1) : all.filter(({ generatedAt }) => generatedAt < entry.generatedAt);
      return older.find(({ clusterUuid }) => clusterUuid === entry.clusterUuid);
    },
  };
}
