/**
 * Public shapes of the saved objects service: the objects themselves, type definitions and the
 * options of the repository methods. They mirror OpenSearch Dashboards' so that plugin code written
 * against upstream compiles against this one.
 */

/** A value that may be stored in a saved object attribute. */
export type SavedObjectAttribute =
  | string
  | number
  | boolean
  | null
  | undefined
  | SavedObjectAttributes
  | SavedObjectAttribute[];

/** The attributes of a saved object: a JSON-like map. */
export interface SavedObjectAttributes {
  [key: string]: SavedObjectAttribute;
}

/** A link from one saved object to another, e.g. a visualization to its index pattern. */
export interface SavedObjectReference {
  name: string;
  type: string;
  id: string;
}

/** Which migration of each plugin a document has gone through, e.g. `{ dashboard: '7.9.0' }`. */
export interface SavedObjectsMigrationVersion {
  [pluginName: string]: string;
}

/** The body of a per-object error in bulk responses; the same shape as an HTTP error payload. */
export interface SavedObjectError {
  error: string;
  message: string;
  statusCode: number;
  metadata?: Record<string, unknown>;
}

/** A saved object as handed to callers. `version` is opaque: pass it back for optimistic locking. */
export interface SavedObject<T = unknown> {
  id: string;
  type: string;
  version?: string;
  updated_at?: string;
  error?: SavedObjectError;
  attributes: T;
  references: SavedObjectReference[];
  migrationVersion?: SavedObjectsMigrationVersion;
  namespaces?: string[];
  originId?: string;
}

/** Per-type storage isolation; only `'default'` exists until spaces are built. */
export type SavedObjectsNamespaceType = 'single' | 'multiple' | 'agnostic';

/** One field of a type's mapping, in OpenSearch mapping syntax. */
export interface SavedObjectsFieldMapping {
  type?: string;
  dynamic?: boolean | 'strict';
  enabled?: boolean;
  index?: boolean;
  properties?: SavedObjectsMappingProperties;
  fields?: Record<string, SavedObjectsFieldMapping>;
  [option: string]: unknown;
}

/** Field name to mapping. */
export interface SavedObjectsMappingProperties {
  [field: string]: SavedObjectsFieldMapping;
}

/** The mapping of a type's attributes, as registered by its owner. */
export interface SavedObjectsTypeMappingDefinition {
  dynamic?: boolean | 'strict';
  properties: SavedObjectsMappingProperties;
}

/** How saved objects management (import/export UI) treats a type. */
export interface SavedObjectsTypeManagementDefinition {
  importableAndExportable?: boolean;
  defaultSearchField?: string;
  icon?: string;
  getTitle?: (savedObject: SavedObject<any>) => string;
  getEditUrl?: (savedObject: SavedObject<any>) => string;
  getInAppUrl?: (savedObject: SavedObject<any>) => { path: string; uiCapabilitiesPath: string };
}

/** A saved object type, registered by its owner during setup. */
export interface SavedObjectsType {
  /** Unique; also the key the attributes are stored under in the raw document. */
  name: string;
  /** Hidden types are reachable only through repositories created with `includedHiddenTypes`. */
  hidden: boolean;
  namespaceType: SavedObjectsNamespaceType;
  mappings: SavedObjectsTypeMappingDefinition;
  management?: SavedObjectsTypeManagementDefinition;
}

/**
 * Accepted for API compatibility with the OpenSearch backend; the SQLite backend makes every write
 * visible at once, so it ignores it.
 */
export type MutatingOperationRefreshSetting = boolean | 'wait_for';

export interface SavedObjectsCreateOptions {
  /** Use this id instead of a generated one. */
  id?: string;
  /** Replace an existing object with the same id instead of failing with 409. */
  overwrite?: boolean;
  /** With `overwrite`: only replace if the stored object still has this version (else 409). */
  version?: string;
  migrationVersion?: SavedObjectsMigrationVersion;
  references?: SavedObjectReference[];
  refresh?: MutatingOperationRefreshSetting;
  originId?: string;
}

export interface SavedObjectsBulkCreateObject<T = unknown> {
  id?: string;
  type: string;
  attributes: T;
  version?: string;
  references?: SavedObjectReference[];
  migrationVersion?: SavedObjectsMigrationVersion;
  originId?: string;
}

export interface SavedObjectsBulkCreateOptions {
  overwrite?: boolean;
  refresh?: MutatingOperationRefreshSetting;
}

export interface SavedObjectsBulkGetObject {
  id: string;
  type: string;
  /** Attribute names to return; all when omitted. */
  fields?: string[];
}

export interface SavedObjectsBulkResponse<T = unknown> {
  saved_objects: Array<SavedObject<T>>;
}

export interface SavedObjectsUpdateOptions {
  /** Only update if the stored object still has this version (else 409). */
  version?: string;
  /** Replaces the stored references when given. */
  references?: SavedObjectReference[];
  refresh?: MutatingOperationRefreshSetting;
}

export interface SavedObjectsUpdateResponse<T = unknown>
  extends Omit<SavedObject<T>, 'attributes' | 'references'> {
  /** Only the attributes that were sent, as upstream does; `get` returns the merged object. */
  attributes: Partial<T>;
  references: SavedObjectReference[] | undefined;
}

export interface SavedObjectsDeleteOptions {
  refresh?: MutatingOperationRefreshSetting;
}

export interface SavedObjectsFindOptionsReference {
  type: string;
  id: string;
}

export interface SavedObjectsFindOptions {
  type: string | string[];
  /** 1-based. */
  page?: number;
  perPage?: number;
  /** `type`, `updated_at`, `id` or an attribute (dotted for nested ones). */
  sortField?: string;
  sortOrder?: 'asc' | 'desc';
  /** Attribute names to return; all when omitted. */
  fields?: string[];
  /** A simple query string: words, `prefix*`, `"quoted phrases"`, `-excluded`. */
  search?: string;
  /** Attribute names `search` looks in; all attributes when omitted. A `^boost` suffix is ignored. */
  searchFields?: string[];
  /** Root fields (e.g. `type`) `search` also looks in. */
  rootSearchFields?: string[];
  /** Only objects that reference this object (or any of these objects). */
  hasReference?: SavedObjectsFindOptionsReference | SavedObjectsFindOptionsReference[];
  defaultSearchOperator?: 'AND' | 'OR';
  /** Accepted for API compatibility; ignored by the SQLite backend. */
  preference?: string;
}

export interface SavedObjectsFindResult<T = unknown> extends SavedObject<T> {
  /** Relevance when `search` was given and no `sortField`; 0 otherwise. */
  score: number;
}

export interface SavedObjectsFindResponse<T = unknown> {
  saved_objects: Array<SavedObjectsFindResult<T>>;
  total: number;
  per_page: number;
  page: number;
}

/** `scan`: every object of some types, page by page (cursor paging: no offset, no total). */
export interface SavedObjectsScanOptions {
  type: string | string[];
  /** Objects per page, 1 to 10,000; default 1,000. Each page is one bounded read. */
  perPage?: number;
  /** Attribute names to return; all when omitted. */
  fields?: string[];
}

/**
 * `aggregate`: one type's objects grouped by attributes with numeric attributes summed, computed in the
 * store (SQL GROUP BY on the embedded store, an aggregation on OpenSearch). Bounded: at most 3 group
 * attributes, 5 sums and `size` rows (1 to 10,000; default 100).
 */
export interface SavedObjectsAggregateOptions {
  type: string;
  filter?: {
    /** Objects whose date-string attribute `field` is `>= gte` and `< lt` (ISO strings compare in time order). */
    range?: { field: string; gte?: string; lt?: string };
    /** Objects whose attributes equal every field of one of these entries (at most 100, same fields each). */
    anyOf?: Array<Record<string, string | number>>;
  };
  /** Top-level attribute names, 1 to 3. */
  groupBy: string[];
  /** Numeric attribute names summed per group (non-numbers count as 0), up to 5. */
  sum?: string[];
  /** `docCount`, a `groupBy` or a `sum` attribute; default: the keys ascending (ties always end on the keys). */
  orderBy?: { field: string; direction?: 'asc' | 'desc' };
  size?: number;
}

/** One group: its attribute values (null when missing), the sums, and how many objects it holds. */
export interface SavedObjectsAggregateResult {
  keys: Record<string, string | number | null>;
  sums: Record<string, number>;
  docCount: number;
}

export interface SavedObjectsAggregateResponse {
  rows: SavedObjectsAggregateResult[];
}

export interface SavedObjectsIncrementCounterOptions {
  /** How much to add; 1 when omitted. */
  incrementBy?: number;
  /** Stored when the call creates the object. */
  migrationVersion?: SavedObjectsMigrationVersion;
  refresh?: MutatingOperationRefreshSetting;
  /**
   * Upstream's option: the other attributes of an object the call creates (e.g. the names a counter
   * is about), stored with the counter. Ignored when the object exists; the counter field always
   * starts at the increment, whatever this holds for it.
   */
  upsertAttributes?: Record<string, unknown>;
}

export interface SavedObjectsIncrementCountersOptions {
  /**
   * `false` when the caller does not use the updated objects: the call then resolves to an empty
   * array, and the store need not read them back (a batch writer saves that work on every commit).
   */
  returnObjects?: boolean;
}

/** One increment of a batch applied in a single transaction by `incrementCounters`. */
export interface SavedObjectsIncrementCounterOperation {
  type: string;
  id: string;
  counterFieldName: string;
  /** 1 when omitted. */
  incrementBy?: number;
  migrationVersion?: SavedObjectsMigrationVersion;
  /** As `SavedObjectsIncrementCounterOptions.upsertAttributes`: stored only when this creates the object. */
  upsertAttributes?: Record<string, unknown>;
}
