import { pickFields } from '../backend/field_paths';
import { CounterGroupCommit } from '../counters/counter_group_commit';
import type { SavedObjectsBackend, SavedObjectsBackendCreateItem } from '../backend/types';
import { errorContent, SavedObjectsErrorHelpers } from '../errors';
import type { ISavedObjectTypeRegistry } from '../saved_objects_type_registry';
import type {
  SavedObject,
  SavedObjectsAggregateOptions,
  SavedObjectsAggregateResponse,
  SavedObjectsBulkCreateObject,
  SavedObjectsBulkCreateOptions,
  SavedObjectsBulkGetObject,
  SavedObjectsBulkResponse,
  SavedObjectsCreateOptions,
  SavedObjectsDeleteOptions,
  SavedObjectsFindOptions,
  SavedObjectsFindResponse,
  SavedObjectsIncrementCounterOperation,
  SavedObjectsIncrementCountersOptions,
  SavedObjectsIncrementCounterOptions,
  SavedObjectsScanOptions,
  SavedObjectsUpdateOptions,
  SavedObjectsUpdateResponse,
} from '../types';
import { encodeHitVersion } from '../version';
import { aggregateObjects } from './aggregate';
import { callBackend, toClientError } from './backend_errors';
import { callCounterBatch, counterResult, toCounterOperation } from './counter_operations';
import { normalizeFindOptions } from './find_options';
import { normalizeScanOptions, scanPages } from './scan';
import {
  buildCreateItem,
  namespacesOf,
  rawIdFor,
  rawToSavedObject,
  storedDocToSavedObject,
  versionCheck,
} from './raw_doc_conversion';

export interface SavedObjectsRepositoryOptions {
  typeRegistry: ISavedObjectTypeRegistry;
  backend: SavedObjectsBackend;
  /** Types this repository may touch: the visible ones plus any hidden ones asked for. */
  allowedTypes: string[];
  /** For tests; the wall clock otherwise. */
  now?: () => Date;
  /** The store's group commit, shared by every repository of the service; one of its own when absent. */
  counters?: CounterGroupCommit;
}

/** The repository as callers see it (no constructor, no statics). */
export type ISavedObjectsRepository = Pick<SavedObjectsRepository, keyof SavedObjectsRepository>;

/**
 * Saved objects on top of any SavedObjectsBackend: type and hidden-type rules, id generation,
 * response shapes and error mapping live here once, so every backend behaves the same to callers.
 */
export class SavedObjectsRepository {
  private readonly registry: ISavedObjectTypeRegistry;
  private readonly backend: SavedObjectsBackend;
  private readonly allowedTypes: readonly string[];
  private readonly now: () => Date;
  private readonly counters: CounterGroupCommit;

  /** Allowed types are the visible ones plus `includedHiddenTypes`, which must be registered. */
  public static createRepository(
    typeRegistry: ISavedObjectTypeRegistry,
    backend: SavedObjectsBackend,
    includedHiddenTypes: string[] = [],
    counters?: CounterGroupCommit
  ): ISavedObjectsRepository {
    const allTypes = typeRegistry.getAllTypes().map((t) => t.name);
    const missing = includedHiddenTypes.filter((type) => !allTypes.includes(type));
    if (missing.length > 0) {
      throw new Error(`Missing mappings for saved objects types: '${missing.join(', ')}'`);
    }
    const visible = allTypes.filter((type) => !typeRegistry.isHidden(type));
    const allowedTypes = [...new Set([...visible, ...includedHiddenTypes])];
    return new SavedObjectsRepository({ typeRegistry, backend, allowedTypes, counters });
  }

  constructor(options: SavedObjectsRepositoryOptions) {
    this.registry = options.typeRegistry;
    this.backend = options.backend;
    this.allowedTypes = [...options.allowedTypes];
    this.now = options.now ?? (() => new Date());
    this.counters = options.counters ?? new CounterGroupCommit({ backend: this.backend, registry: this.registry });
  }

  /** Persists an object. Fails with 409 when the id exists, unless `overwrite`. */
  public async create<T = unknown>(
    type: string,
    attributes: T,
    options: SavedObjectsCreateOptions = {}
  ): Promise<SavedObject<T>> {
    this.assertAllowed(type);
    const { id, item } = buildCreateItem(
      this.registry,
      { ...options, type, attributes },
      options.overwrite ?? false,
      this.timestamp()
    );
    const stored = await callBackend(type, id, () => this.backend.create(item));
    return rawToSavedObject<T>(this.registry, stored);
  }

  /**
   * Creates many objects in one backend batch. Failures are per object: the entry at that position
   * is `{ id, type, error }` (400 for an unsupported type, 409 for an existing id).
   */
  public async bulkCreate<T = unknown>(
    objects: Array<SavedObjectsBulkCreateObject<T>>,
    options: SavedObjectsBulkCreateOptions = {}
  ): Promise<SavedObjectsBulkResponse<T>> {
    const { overwrite = false } = options;
    const time = this.timestamp();
    const results: Array<SavedObject<T> | undefined> = new Array(objects.length);
    const pending: Array<{ index: number; type: string; id: string }> = [];
    const items: SavedObjectsBackendCreateItem[] = [];

    objects.forEach((object, index) => {
      const { type } = object;
      if (!this.isAllowed(type)) {
        const error = SavedObjectsErrorHelpers.createUnsupportedTypeError(type);
        results[index] = { id: object.id, type, error: errorContent(error) } as SavedObject<T>;
        return;
      }
      const { id, item } = buildCreateItem(this.registry, object, overwrite, time);
      pending.push({ index, type, id });
      items.push(item);
    });

    if (items.length > 0) {
      const outcomes = await callBackend('bulk', 'create', () => this.backend.bulkCreate(items));
      outcomes.forEach((outcome, i) => {
        const { index, type, id } = pending[i];
        results[index] = outcome.ok
          ? rawToSavedObject<T>(this.registry, outcome.doc)
          : ({ id, type, error: errorContent(toClientError(outcome.error, type, id)) } as SavedObject<T>);
      });
    }
    return { saved_objects: results as Array<SavedObject<T>> };
  }

  /** Reads one object; 404 when missing, or when the type may not be read here. */
  public async get<T = unknown>(type: string, id: string): Promise<SavedObject<T>> {
    if (!this.isAllowed(type)) {
      throw SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
    }
    const doc = await callBackend(type, id, () => this.backend.get(rawIdFor(type, id)));
    if (!doc) {
      throw SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
    }
    return storedDocToSavedObject<T>(this.registry, type, id, doc);
  }

  /** Reads many objects; missing ones (404) and unsupported types (400) become `error` entries. */
  public async bulkGet<T = unknown>(
    objects: SavedObjectsBulkGetObject[] = []
  ): Promise<SavedObjectsBulkResponse<T>> {
    if (objects.length === 0) {
      return { saved_objects: [] };
    }
    const readable = objects.filter((o) => this.isAllowed(o.type));
    const docs = await callBackend('bulk', 'get', () =>
      this.backend.mget(readable.map((o) => rawIdFor(o.type, o.id)))
    );
    let next = 0;
    const savedObjects = objects.map(({ type, id, fields }) => {
      if (!this.isAllowed(type)) {
        const error = SavedObjectsErrorHelpers.createUnsupportedTypeError(type);
        return { id, type, error: errorContent(error) } as SavedObject<T>;
      }
      const doc = docs[next++];
      if (!doc) {
        const error = SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
        return { id, type, error: errorContent(error) } as SavedObject<T>;
      }
      const object = storedDocToSavedObject<T>(this.registry, type, id, doc);
      return fields ? { ...object, attributes: pickFields(object.attributes, fields) as T } : object;
    });
    return { saved_objects: savedObjects };
  }

  /**
   * Merges `attributes` into the stored ones (nested objects merge, other values replace). With
   * `version`: 409 unless the object still has it. 404 when missing. Returns only the sent attributes.
   */
  public async update<T = unknown>(
    type: string,
    id: string,
    attributes: Partial<T>,
    options: SavedObjectsUpdateOptions = {}
  ): Promise<SavedObjectsUpdateResponse<T>> {
    if (!this.isAllowed(type)) {
      throw SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
    }
    const { version, references } = options;
    const check = version !== undefined ? versionCheck(version) : {};
    const time = this.timestamp();
    const partial = {
      [type]: attributes,
      updated_at: time,
      ...(Array.isArray(references) && { references }),
    };
    const stored = await callBackend(type, id, () =>
      this.backend.update(rawIdFor(type, id), partial, check)
    );
    return {
      id,
      type,
      updated_at: time,
      version: encodeHitVersion(stored),
      namespaces: namespacesOf(this.registry, type, stored._source),
      ...(stored._source.originId && { originId: stored._source.originId }),
      references,
      attributes,
    };
  }

  /** Deletes an object; 404 when missing or not readable here. */
  public async delete(type: string, id: string, _options: SavedObjectsDeleteOptions = {}) {
    if (!this.isAllowed(type)) {
      throw SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
    }
    await callBackend(type, id, () => this.backend.delete(rawIdFor(type, id)));
    return {};
  }

  /** Searches, sorts and pages; any page can be reached (there is no result window). */
  public async find<T = unknown>(
    options: SavedObjectsFindOptions
  ): Promise<SavedObjectsFindResponse<T>> {
    const { page, perPage, query } = normalizeFindOptions(options, this.allowedTypes);
    if (!query) {
      return { page, per_page: perPage, total: 0, saved_objects: [] };
    }
    const result = await callBackend('find', String(options.type), () => this.backend.find(query));
    return {
      page,
      per_page: perPage,
      total: result.total,
      saved_objects: result.hits.map((hit) => ({
        ...rawToSavedObject<T>(this.registry, hit),
        score: hit._score,
      })),
    };
  }

  /**
   * Every object of `type` (one or several), as pages of at most `perPage`, type after type: for reading a
   * whole type, however large, in bounded slices (each page continues from a cursor: no offset). Unlike
   * `find` there is no total, sort, search or page number, and the order is the store's. An object present
   * for the whole scan appears once; one written during it may or may not; none twice. Bad options throw
   * at the call; stopping early (`break`) releases the store's cursor.
   */
  public scan<T = unknown>(options: SavedObjectsScanOptions): AsyncGenerator<Array<SavedObject<T>>, void, undefined> {
    return scanPages<T>(this.backend, this.registry, normalizeScanOptions(options, this.allowedTypes));
  }

  /**
   * Adds `incrementBy` (default 1, a safe integer) to an integer attribute, atomically, creating the
   * object (with the counter at `incrementBy`, and `upsertAttributes` beside it) when missing.
   * Upstream's 5th argument is accepted too.
   * 400 for an increment, a stored value or a sum that is not a safe integer (backend/counter_values.ts).
   */
  public async incrementCounter(
    type: string,
    id: string,
    counterFieldName: string,
    options: SavedObjectsIncrementCounterOptions = {},
    incrementValue?: number
  ): Promise<SavedObject> {
    const op = this.counterOperation({
      type,
      id,
      counterFieldName,
      incrementBy: options.incrementBy ?? incrementValue,
      migrationVersion: options.migrationVersion,
      upsertAttributes: options.upsertAttributes,
    });
    // Through the store's group commit: concurrent single increments share one backend write.
    const stored = await callBackend(type, id, () => this.counters.incrementOne(op));
    return counterResult(this.registry, type, id, stored);
  }

  /**
   * Applies many increments with one backend write, results in order. An invalid operation (bad
   * argument, type not allowed, counter holding text) rejects the whole batch before anything is
   * written. Past that, SQLite is all or nothing; OpenSearch's `_bulk` may keep the items that
   * succeeded when one fails inside it (see `SavedObjectsBackend.incrementCounters`).
   */
  public async incrementCounters(
    operations: SavedObjectsIncrementCounterOperation[],
    options: SavedObjectsIncrementCountersOptions = {}
  ): Promise<SavedObject[]> {
    if (operations.length === 0) {
      return [];
    }
    // One timestamp for the batch: it is one write, and formatting a date per counter adds up.
    const time = this.timestamp();
    const ops = operations.map((operation) => this.counterOperation(operation, time));
    const returnDocs = options.returnObjects !== false;
    const stored = await callCounterBatch(ops, () => this.backend.incrementCounters(ops, { returnDocs }));
    return returnDocs ? stored.map((doc, i) => counterResult(this.registry, operations[i].type, operations[i].id, doc)) : [];
  }

  /** Validates one increment (type rules included) and builds its backend operation. */
  private counterOperation(operation: SavedObjectsIncrementCounterOperation, time = this.timestamp()) {
    if (typeof operation.type === 'string') {
      this.assertAllowed(operation.type);
    }
    return toCounterOperation(this.registry, operation, time);
  }

  private isAllowed(type: string) {
    return this.allowedTypes.includes(type);
  }

  private assertAllowed(type: string) {
    if (!this.isAllowed(type)) {
      throw SavedObjectsErrorHelpers.createUnsupportedTypeError(type);
    }
  }

  private timestamp() {
    return this.now().toISOString();
  }

  /**
   * Groups one type's objects by up to 3 attributes and sums numeric ones, in the store (never a scan
   * here): at most `size` rows, ordered by `orderBy` then the keys. See `SavedObjectsAggregateOptions`.
   */
  public async aggregate(options: SavedObjectsAggregateOptions): Promise<SavedObjectsAggregateResponse> {
    return aggregateObjects(this.backend, this.allowedTypes, options);
  }
}
