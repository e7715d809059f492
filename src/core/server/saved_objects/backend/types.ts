import type { Logger } from '../../logging/types';
import type { ISavedObjectTypeRegistry } from '../saved_objects_type_registry';
import type {
  SavedObjectReference,
  SavedObjectsFindOptionsReference,
  SavedObjectsMigrationVersion,
} from '../types';

/**
 * The raw document model shared by every backend. It is upstream's OpenSearch document: `_id` is
 * `<type>:<id>`, the attributes live under `_source[type]`, and `_seq_no`/`_primary_term` give the
 * version. Keeping this shape lets an OpenSearch backend store documents verbatim, and lets the
 * repository (type rules, ids, error mapping, response shapes) stay backend-independent.
 */
export interface SavedObjectsRawDocSource {
  type: string;
  references?: SavedObjectReference[];
  migrationVersion?: SavedObjectsMigrationVersion;
  updated_at?: string;
  namespace?: string;
  namespaces?: string[];
  originId?: string;
  /** `_source[type]` holds the attributes. */
  [key: string]: unknown;
}

export interface SavedObjectsRawDoc {
  _id: string;
  _source: SavedObjectsRawDocSource;
  _seq_no?: number;
  _primary_term?: number;
}

/** A document as read back from a backend: always versioned. */
export interface SavedObjectsStoredDoc extends SavedObjectsRawDoc {
  _seq_no: number;
  _primary_term: number;
}

/**
 * Optimistic concurrency: the write applies only if the stored document has exactly this
 * `_seq_no`/`_primary_term` (OpenSearch's `if_seq_no`/`if_primary_term`). Otherwise: conflict.
 */
export interface SavedObjectsBackendVersionCheck {
  ifSeqNo?: number;
  ifPrimaryTerm?: number;
}

export interface SavedObjectsBackendCreateItem extends SavedObjectsBackendVersionCheck {
  doc: SavedObjectsRawDoc;
  /** false: fail with conflict when `_id` exists (OpenSearch `create`); true: replace (`index`). */
  overwrite: boolean;
}

/** Result of one item of a bulk write: the stored document, or why it failed. */
export type SavedObjectsBackendBulkItemResult =
  | { ok: true; doc: SavedObjectsStoredDoc }
  | { ok: false; error: SavedObjectsBackendError };

/**
 * One counter increment: add `incrementBy` to `_source[type][counterFieldName]` (treated as 0 when
 * missing) and set `_source.updated_at` to `time`; when the document does not exist, store `upsert`
 * instead (which already carries the counter at `incrementBy`). Upstream's scripted upsert.
 */
export interface SavedObjectsBackendCounterOperation {
  id: string;
  type: string;
  counterFieldName: string;
  incrementBy: number;
  time: string;
  upsert: SavedObjectsRawDocSource;
}

export interface SavedObjectsBackendFindQuery {
  /** Non-empty; only documents whose `_source.type` is one of these. */
  types: string[];
  /** Simple query string (see simple_query.ts for the supported syntax). */
  search?: string;
  /** Attribute fields (relative to `_source[type]`) searched; all attributes when absent. */
  searchFields?: string[];
  /** Root `_source` fields also searched. */
  rootSearchFields?: string[];
  defaultSearchOperator: 'AND' | 'OR';
  /** Documents referencing any of these. */
  hasReference?: SavedObjectsFindOptionsReference[];
  /** `type`, `updated_at`, `id`, or an attribute path; relevance then `_id` when absent. */
  sortField?: string;
  sortOrder?: 'asc' | 'desc';
  /** Offset and page size. Backends must not cap `from + size` (no 10,000 result window). */
  from: number;
  size: number;
  /** Attribute fields to keep in `_source[type]`; all when absent. */
  fields?: string[];
}

/**
 * One page of a scan over every document of one type. Pages continue from a cursor (no offset, no total),
 * so each page costs about the same however deep the scan is: SQLite continues after the last `_id` (a
 * keyset on the `(type, raw_id)` index); OpenSearch walks a point in time in index order with
 * `search_after`.
 */
export interface SavedObjectsBackendScanQuery {
  type: string;
  /** The `cursor` of the previous page; from the first document when absent. */
  cursor?: string;
  /** At most this many documents (> 0). */
  size: number;
  /** Attribute fields to keep in `_source[type]`; all when absent (same rules as find). */
  fields?: string[];
}

export interface SavedObjectsBackendScanPage {
  hits: SavedObjectsStoredDoc[];
  /**
   * Where the next page starts: an opaque string for the next `scan` of the same type. Absent on the last
   * page, once the backend has released what the scan held.
   */
  cursor?: string;
}

/** A value an aggregation groups by: an attribute's string or number, null when missing (or another kind). */
export type SavedObjectsAggregateKey = string | number | null;

/**
 * A bounded group-by over one type's attributes (see aggregate_query.ts for the limits every backend
 * checks alike). Field names are top-level attribute names.
 */
export interface SavedObjectsBackendAggregateQuery {
  type: string;
  filter?: {
    /**
     * Only documents whose attribute `field` (a date string, ISO `YYYY-MM-DD...`) is `>= gte` and `< lt`,
     * compared as strings, which for ISO dates is time order.
     */
    range?: { field: string; gte?: string; lt?: string };
    /** Only documents whose attributes equal all the fields of one of these (at most 100 entries). */
    anyOf?: Array<Record<string, string | number>>;
  };
  /** 1 to 3 attribute names; one row per distinct combination. */
  groupBy: string[];
  /** Numeric attributes summed per group (values that are not numbers count as 0). At most 5. */
  sum: string[];
  /** Default: the keys ascending. Ties always continue on the keys ascending. */
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  /** At most this many rows (1 to 10,000). */
  size: number;
}

export interface SavedObjectsAggregateRow {
  keys: Record<string, SavedObjectsAggregateKey>;
  sums: Record<string, number>;
  docCount: number;
}

export interface SavedObjectsBackendFindResult {
  total: number;
  hits: Array<SavedObjectsStoredDoc & { _score: number }>;
}

/**
 * Raw document storage behind the saved objects repository. Implementations: SQLite (default,
 * embedded) and OpenSearch (`backend/opensearch/`). Contract, which the shared repository relies on:
 * - every successful write returns the document as stored, with a `_seq_no` strictly greater than
 *   any the store handed out before and the store's `_primary_term`;
 * - failures are `SavedObjectsBackendError`s with a `reason` (the repository maps reasons to
 *   HTTP-status errors), except unexpected bugs, which the repository reports as 500s;
 * - a write that resolved is durable (it survives the process being killed).
 */
export interface SavedObjectsBackend {
  /** For logs, e.g. `sqlite:/var/lib/osd/saved_objects.sqlite`. */
  readonly description: string;
  /** Creates the store's schema or index if needed. Called once, by the service's start. */
  open(): Promise<void>;
  /** Releases the store. Later calls fail with reason `unavailable`. */
  close(): Promise<void>;

  get(id: string): Promise<SavedObjectsStoredDoc | undefined>;
  /** One entry per id, in order; undefined for missing documents. */
  mget(ids: string[]): Promise<Array<SavedObjectsStoredDoc | undefined>>;
  /** Throws `conflict` when the document exists and `overwrite` is false, or the version check fails. */
  create(item: SavedObjectsBackendCreateItem): Promise<SavedObjectsStoredDoc>;
  /** Per-item results in order; one failing item does not stop the others (like `_bulk`). */
  bulkCreate(items: SavedObjectsBackendCreateItem[]): Promise<SavedObjectsBackendBulkItemResult[]>;
  /**
   * Partial update, merged like an OpenSearch partial-document update: objects merge recursively,
   * anything else (arrays included) is replaced. Throws `not_found`, or `conflict` on version
   * mismatch. Returns the whole merged document.
   */
  update(
    id: string,
    partial: Partial<SavedObjectsRawDocSource>,
    check?: SavedObjectsBackendVersionCheck
  ): Promise<SavedObjectsStoredDoc>;
  /** Throws `not_found`, or `conflict` on version mismatch. */
  delete(id: string, check?: SavedObjectsBackendVersionCheck): Promise<void>;
  find(query: SavedObjectsBackendFindQuery): Promise<SavedObjectsBackendFindResult>;
  /**
   * Reads a whole type page by page (collectors, rollups). The first page sees every write acknowledged
   * before it was asked for. A document present for the whole scan appears exactly once; one created,
   * changed or deleted during it may or may not be seen (SQLite reads live, OpenSearch a point in time),
   * never twice.
   */
  scan(query: SavedObjectsBackendScanQuery): Promise<SavedObjectsBackendScanPage>;
  /** Releases what an unfinished scan holds (given the cursor it stopped at); a no-op where nothing is held. */
  closeScan(cursor: string): Promise<void>;
  /**
   * Groups one type's documents by attributes and sums numeric ones, in the store (SQL GROUP BY on
   * SQLite, an aggregation on OpenSearch): the answer is bounded by `size` however many documents match.
   */
  aggregate(query: SavedObjectsBackendAggregateQuery): Promise<SavedObjectsAggregateRow[]>;
  /**
   * Applies many increments with a single durable write, results in order; concurrent increments (from
   * any process sharing the store) never get lost. SQLite applies all or none (one transaction).
   * OpenSearch sends one `_bulk`: it refuses the batch up front when an operation is bound to fail (a
   * counter that is not a number), but an item failing inside the `_bulk` does not undo the others; the
   * call then throws that item's error, carrying every operation's outcome (`counterOutcomesOf`).
   * Single increments go through core's group commit (`counters/counter_group_commit.ts`), which calls this.
   */
  incrementCounters(
    ops: SavedObjectsBackendCounterOperation[],
    options?: SavedObjectsBackendCounterOptions
  ): Promise<SavedObjectsStoredDoc[]>;
}

/** The outcome of one operation of a counter batch. */
export type SavedObjectsBackendCounterResult = { ok: true; doc: SavedObjectsStoredDoc } | { ok: false; error: Error };

const OUTCOMES = Symbol('counterOutcomes');

/**
 * Marks the error of a counter batch some of whose operations were applied: `outcomes` says which, in
 * order. A caller must then not retry the batch (the applied operations would count twice).
 */
export function withCounterOutcomes<E extends Error>(error: E, outcomes: SavedObjectsBackendCounterResult[]): E {
  Object.defineProperty(error, OUTCOMES, { value: outcomes, enumerable: false });
  return error;
}

/** The per-operation outcomes a failed `incrementCounters` carries, when it was partly applied. */
export function counterOutcomesOf(error: unknown): SavedObjectsBackendCounterResult[] | undefined {
  return error instanceof Error ? (error as Error & { [OUTCOMES]?: SavedObjectsBackendCounterResult[] })[OUTCOMES] : undefined;
}

export interface SavedObjectsBackendCounterOptions {
  /** `false`: the caller ignores the result, which may then be empty. Default true. */
  returnDocs?: boolean;
}

/** What a backend factory gets from the service. */
export interface SavedObjectsBackendFactoryContext {
  logger: Logger;
  dataPath: string;
  typeRegistry: ISavedObjectTypeRegistry;
}

export type SavedObjectsBackendFactory = (
  context: SavedObjectsBackendFactoryContext
) => SavedObjectsBackend;

/**
 * Why a backend call failed. The first four apply to every store; `too_many_requests`,
 * `not_authorized` and `forbidden` come from a cluster (429, 401, 403), which the repository turns
 * into upstream's errors of the same names.
 */
export type SavedObjectsBackendErrorReason =
  | 'conflict'
  | 'not_found'
  | 'bad_request'
  | 'unavailable'
  | 'too_many_requests'
  | 'not_authorized'
  | 'forbidden';

/** A backend failure with a backend-neutral reason; `id` is the raw id concerned, when one is. */
export class SavedObjectsBackendError extends Error {
  constructor(
    public readonly reason: SavedObjectsBackendErrorReason,
    message: string,
    public readonly id?: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = 'SavedObjectsBackendError';
  }

  public static conflict(id: string, detail = 'version conflict or document exists') {
    return new SavedObjectsBackendError('conflict', `[${id}]: ${detail}`, id);
  }

  public static notFound(id: string) {
    return new SavedObjectsBackendError('not_found', `[${id}]: document missing`, id);
  }

  public static badRequest(message: string, id?: string) {
    return new SavedObjectsBackendError('bad_request', message, id);
  }

  public static unavailable(message: string, cause?: unknown) {
    return new SavedObjectsBackendError('unavailable', message, undefined, { cause });
  }
}
