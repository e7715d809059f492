import type { Client } from '@opensearch-project/opensearch';
import type { Logger } from '../../../logging/types';
import type { ISavedObjectTypeRegistry } from '../../saved_objects_type_registry';
import type { SavedObjectsMappingProperties } from '../../types';
import { assertValidFieldPath } from '../field_paths';
import { assertAggregateQuery } from '../aggregate_query';
import { assertScanQuery } from '../scan_query';
import {
  SavedObjectsBackendError,
  type SavedObjectsAggregateRow,
  type SavedObjectsBackend,
  type SavedObjectsBackendAggregateQuery,
  type SavedObjectsBackendBulkItemResult,
  type SavedObjectsBackendCounterOperation,
  type SavedObjectsBackendCreateItem,
  type SavedObjectsBackendFindQuery,
  type SavedObjectsBackendFindResult,
  type SavedObjectsBackendScanPage,
  type SavedObjectsBackendScanQuery,
  type SavedObjectsBackendVersionCheck,
  type SavedObjectsRawDocSource,
} from '../types';
import { CounterWriter } from './counter_writer';
import { applyCounterBatch } from './opensearch_counters';
import { callOpenSearch, fromOpenSearchError, type OpenSearchErrorCause } from './opensearch_errors';
import { runAggregate } from './opensearch_aggregate';
import { runFind, toFindHits } from './opensearch_find';
import { closeScanCursor, decodeScanCursor, runScan } from './opensearch_scan';
import { ensureIndex, isSingleShard, readMappings } from './opensearch_index';
import { buildIndexMappings, resolveSortTarget } from './opensearch_mappings';
import { buildFindRequest } from './opensearch_query';
import {
  RETRY_ON_CONFLICT,
  stored,
  toStoredDoc,
  versionParams,
  type BulkItem,
  type WireDoc,
  type WriteResult,
} from './opensearch_docs';

/** When a write is visible to `find`; `get`/`mget` are real-time whatever this is. */
export type OpenSearchRefresh = 'wait_for' | boolean;

export interface OpenSearchSavedObjectsBackendOptions {
  client: Client;
  /** The index (or an alias of one index); created on `open()` when missing. */
  index: string;
  typeRegistry: ISavedObjectTypeRegistry;
  logger?: Logger;
  /**
   * Default `'wait_for'`: a write resolves once a search can see it (up to one refresh interval,
   * 1 s by default), so a find after a write sees it. `true` forces a refresh per write (tests).
   */
  refresh?: OpenSearchRefresh;
  /** The index's `max_result_window`; finds reaching past it walk a point in time. */
  maxResultWindow?: number;
}

/**
 * Saved objects in one OpenSearch index, stored verbatim: the raw documents already are upstream's
 * OpenSearch documents (`_id` `<type>:<id>`, attributes under `_source[type]`), and the version is
 * the cluster's own `_seq_no`/`_primary_term`, checked with `if_seq_no`/`if_primary_term`. The
 * client (and its connection) belongs to the caller, usually the core OpenSearch service.
 */
export class OpenSearchSavedObjectsBackend implements SavedObjectsBackend {
  public readonly description: string;
  private readonly client: Client;
  private readonly index: string;
  private readonly refresh: OpenSearchRefresh;
  private opened = false;
  private mappings: SavedObjectsMappingProperties = {};
  /** See isSingleShard: how `scan` pages. */
  private singleShard = false;
  /**
   * Counter writes do not wait for a refresh (up to a second each on the ui-metric path, which would cap
   * it at one commit per second); an acknowledged `_bulk` is durable in the translog all the same. The
   * next `find` of this backend refreshes first, so a read after a write still sees it.
   */
  private unrefreshedWrites = false;
  private readonly counterWriter = new CounterWriter();

  constructor(private readonly options: OpenSearchSavedObjectsBackendOptions) {
    this.client = options.client;
    this.index = options.index;
    this.refresh = options.refresh ?? 'wait_for';
    this.description = `opensearch:${options.index}`;
  }

  public async open() {
    if (this.opened) {
      return;
    }
    const mappings = buildIndexMappings(this.options.typeRegistry);
    await callOpenSearch(undefined, () =>
      ensureIndex({ client: this.client, index: this.index, mappings, logger: this.options.logger })
    );
    this.mappings = await callOpenSearch(undefined, () => readMappings(this.client, this.index));
    this.singleShard = await callOpenSearch(undefined, () => isSingleShard(this.client, this.index));
    this.opened = true;
  }

  public async close() {
    this.opened = false;
  }

  public async get(id: string) {
    this.assertOpen();
    const { body, statusCode } = await callOpenSearch(id, () =>
      this.client.get({ index: this.index, id }, { ignore: [404] })
    );
    const error = (body as { error?: OpenSearchErrorCause }).error;
    if (statusCode === 404 && error) {
      throw fromOpenSearchError(404, error);
    }
    return body.found ? toStoredDoc(body as unknown as WireDoc) : undefined;
  }

  public async mget(ids: string[]) {
    this.assertOpen();
    if (ids.length === 0) {
      return [];
    }
    const { body } = await callOpenSearch(undefined, () =>
      this.client.mget({ index: this.index, body: { ids } })
    );
    return (body.docs as unknown as Array<WireDoc & { error?: OpenSearchErrorCause }>).map((doc) => {
      // A per-document error means a shard could not answer: the read fails as a whole (503).
      if (doc.error) {
        throw fromOpenSearchError(503, doc.error, doc._id) ?? new Error(JSON.stringify(doc.error));
      }
      return doc.found ? toStoredDoc(doc) : undefined;
    });
  }

  public async create(item: SavedObjectsBackendCreateItem) {
    this.assertOpen();
    const id = item.doc._id;
    const checked = item.ifSeqNo !== undefined || item.ifPrimaryTerm !== undefined;
    if (!item.overwrite && checked) {
      // As in SQLite: without overwrite an existing document conflicts, and a version check
      // against a missing one conflicts too, so this can only be a conflict.
      throw SavedObjectsBackendError.conflict(id, 'a version check requires overwrite');
    }
    const { body } = await callOpenSearch(id, () =>
      this.client.index({
        index: this.index,
        id,
        body: item.doc._source,
        op_type: item.overwrite ? 'index' : 'create',
        refresh: this.refresh,
        ...versionParams(item),
      })
    );
    return stored(id, item.doc._source, body);
  }

  public async bulkCreate(items: SavedObjectsBackendCreateItem[]) {
    this.assertOpen();
    const results: SavedObjectsBackendBulkItemResult[] = new Array(items.length);
    const sent: number[] = [];
    items.forEach((item, i) => {
      if (!item.overwrite && (item.ifSeqNo !== undefined || item.ifPrimaryTerm !== undefined)) {
        results[i] = { ok: false, error: SavedObjectsBackendError.conflict(item.doc._id) };
      } else {
        sent.push(i);
      }
    });
    if (sent.length === 0) {
      return results;
    }
    const operations = sent.flatMap((i) => {
      const item = items[i];
      const action = item.overwrite
        ? { index: { _id: item.doc._id, ...versionParams(item) } }
        : { create: { _id: item.doc._id } };
      return [action, item.doc._source];
    });
    const { body } = await callOpenSearch(undefined, () =>
      this.client.bulk({ index: this.index, refresh: this.refresh, body: operations })
    );
    body.items.forEach((entry, k) => {
      const item = items[sent[k]];
      const result = (entry.create ?? entry.index) as unknown as BulkItem;
      if (!result.error) {
        results[sent[k]] = { ok: true, doc: stored(item.doc._id, item.doc._source, result) };
        return;
      }
      const error = fromOpenSearchError(result.status, result.error, item.doc._id);
      if (!error) {
        throw new Error(`bulk create of [${item.doc._id}] failed: ${JSON.stringify(result.error)}`);
      }
      results[sent[k]] = { ok: false, error };
    });
    return results;
  }

  public async update(
    id: string,
    partial: Partial<SavedObjectsRawDocSource>,
    check: SavedObjectsBackendVersionCheck = {}
  ) {
    this.assertOpen();
    const checked = check.ifSeqNo !== undefined || check.ifPrimaryTerm !== undefined;
    const { body } = await callOpenSearch(id, () =>
      this.client.update({
        index: this.index,
        id,
        refresh: this.refresh,
        _source: true,
        // A version check and server-side retries exclude each other; without a check, a retry
        // re-applies the partial document on the newer version (last writer wins, as in SQLite).
        ...(checked ? versionParams(check) : { retry_on_conflict: RETRY_ON_CONFLICT }),
        // detect_noop off: every update is a write with a new version, as on the other backends.
        body: { doc: partial, detect_noop: false },
      })
    );
    return stored(id, (body as WriteResult).get?._source ?? {}, body);
  }

  public async delete(id: string, check: SavedObjectsBackendVersionCheck = {}) {
    this.assertOpen();
    await callOpenSearch(id, () =>
      this.client.delete({ index: this.index, id, refresh: this.refresh, ...versionParams(check) })
    );
  }

  public async find(query: SavedObjectsBackendFindQuery): Promise<SavedObjectsBackendFindResult> {
    this.assertOpen();
    await this.refreshMappingsForSort(query);
    await this.refreshAfterUnrefreshedWrites();
    const request = buildFindRequest(query, (type, segments) => resolveSortTarget(this.mappings, type, segments));
    const { from, size } = query;
    const { client, index, options: { maxResultWindow } } = this;
    const page = await callOpenSearch(undefined, () => runFind({ client, index, request, from, size, maxResultWindow }));
    return { total: page.total, hits: toFindHits(page.hits, query.fields) };
  }

  public async scan(query: SavedObjectsBackendScanQuery): Promise<SavedObjectsBackendScanPage> {
    this.assertOpen();
    assertScanQuery(query);
    await this.refreshAfterUnrefreshedWrites();
    const { client, index, singleShard, options: { maxResultWindow } } = this;
    return callOpenSearch(undefined, () => runScan({ client, index, query, singleShard, maxResultWindow }));
  }

  public async aggregate(query: SavedObjectsBackendAggregateQuery): Promise<SavedObjectsAggregateRow[]> {
    this.assertOpen();
    assertAggregateQuery(query);
    await this.refreshAfterUnrefreshedWrites();
    const fields = [...query.groupBy, ...query.sum, ...Object.keys(query.filter?.anyOf?.[0] ?? {})];
    if (query.filter?.range) fields.push(query.filter.range.field);
    // A field mapped dynamically since the last look would otherwise take the slower _source path; a type
    // that maps nothing dynamically (`dynamic: false`) never gains one, so it costs no mappings read.
    const dynamic = String(this.mappings[query.type]?.dynamic ?? true);
    if (dynamic !== 'false' && dynamic !== 'strict' && fields.some((field) => resolveSortTarget(this.mappings, query.type, [field]) === undefined)) {
      this.mappings = await callOpenSearch(undefined, () => readMappings(this.client, this.index));
    }
    const resolve = (field: string) => resolveSortTarget(this.mappings, query.type, [field]);
    return callOpenSearch(undefined, () => runAggregate({ client: this.client, index: this.index, query, resolve }));
  }

  public async closeScan(cursor: string) {
    await closeScanCursor(this.client, decodeScanCursor(cursor));
  }

  public async incrementCounters(ops: SavedObjectsBackendCounterOperation[]) {
    this.assertOpen();
    if (ops.length === 0) {
      return [];
    }
    return this.afterUnrefreshedWrite(
      applyCounterBatch({
        client: this.client,
        index: this.index,
        refresh: false,
        ops,
        writer: this.counterWriter,
        logger: this.options.logger,
      })
    );
  }

  /** Reads after counter writes (which skip the refresh wait) must still see them. */
  private async refreshAfterUnrefreshedWrites() {
    if (this.unrefreshedWrites) {
      this.unrefreshedWrites = false;
      await callOpenSearch(undefined, () => this.client.indices.refresh({ index: this.index }));
    }
  }

  private async afterUnrefreshedWrite<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      // Also after a failure: some items of a `_bulk` may have been applied.
      this.unrefreshedWrites = true;
    }
  }

  /**
   * Sorting on an attribute needs its mapped type. Attributes mapped dynamically since the last
   * look are unknown here, so one unknown field costs one mappings read.
   */
  private async refreshMappingsForSort(query: SavedObjectsBackendFindQuery) {
    const field = query.sortField;
    if (!field || field === 'type' || field === 'updated_at' || field === 'id') {
      return;
    }
    const segments = assertValidFieldPath(field);
    if (query.types.some((type) => resolveSortTarget(this.mappings, type, segments) === undefined)) {
      this.mappings = await callOpenSearch(undefined, () => readMappings(this.client, this.index));
    }
  }

  private assertOpen() {
    if (!this.opened) {
      throw SavedObjectsBackendError.unavailable(`${this.description} is not open`);
    }
  }
}
