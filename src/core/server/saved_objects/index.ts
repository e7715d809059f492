export {
  SavedObjectsService,
  createSqliteBackendFactory,
  SQLITE_FILE_NAME,
} from './saved_objects_service';
export type {
  SavedObjectsServiceOptions,
  SavedObjectsServiceSetup,
  SavedObjectsServiceStart,
  SavedObjectsClientProviderOptions,
} from './saved_objects_service';

export { SavedObjectsRepository } from './repository/repository';
export type { ISavedObjectsRepository } from './repository/repository';
export { SavedObjectsClient } from './repository/saved_objects_client';
export type { SavedObjectsClientContract } from './repository/saved_objects_client';

export { SavedObjectTypeRegistry } from './saved_objects_type_registry';
export type { ISavedObjectTypeRegistry } from './saved_objects_type_registry';

export {
  SavedObjectsErrorHelpers,
  SavedObjectsClientError,
  SavedObjectsErrorCode,
} from './errors';
export type { DecoratedError, SavedObjectsErrorOutput } from './errors';

export { encodeVersion, decodeVersion } from './version';

export type * from './counters/types';

export { SavedObjectsBackendError } from './backend/types';
export type {
  SavedObjectsBackend,
  SavedObjectsBackendFactory,
  SavedObjectsBackendFactoryContext,
  SavedObjectsBackendCounterOperation,
  SavedObjectsBackendCounterResult,
  SavedObjectsBackendCreateItem,
  SavedObjectsBackendBulkItemResult,
  SavedObjectsBackendFindQuery,
  SavedObjectsBackendFindResult,
  SavedObjectsBackendScanPage,
  SavedObjectsBackendScanQuery,
  SavedObjectsBackendVersionCheck,
  SavedObjectsBackendErrorReason,
  SavedObjectsRawDoc,
  SavedObjectsRawDocSource,
  SavedObjectsStoredDoc,
} from './backend/types';
export { SqliteSavedObjectsBackend } from './backend/sqlite/sqlite_backend';
export {
  OpenSearchSavedObjectsBackend,
  createOpenSearchBackendFactory,
  getOpenSearchIndexUsage,
} from './backend/opensearch';
export type {
  OpenSearchSavedObjectsBackendOptions,
  OpenSearchBackendFactoryOptions,
  OpenSearchIndexUsage,
  OpenSearchRefresh,
} from './backend/opensearch';
export type { SqliteSavedObjectsBackendOptions } from './backend/sqlite/sqlite_backend';
export type { SqliteSynchronousMode } from './backend/sqlite/sqlite_schema';

export type {
  SavedObject,
  SavedObjectAttribute,
  SavedObjectAttributes,
  SavedObjectError,
  SavedObjectReference,
  SavedObjectsMigrationVersion,
  SavedObjectsNamespaceType,
  SavedObjectsType,
  SavedObjectsTypeMappingDefinition,
  SavedObjectsMappingProperties,
  SavedObjectsFieldMapping,
  SavedObjectsTypeManagementDefinition,
  MutatingOperationRefreshSetting,
  SavedObjectsCreateOptions,
  SavedObjectsBulkCreateObject,
  SavedObjectsBulkCreateOptions,
  SavedObjectsBulkGetObject,
  SavedObjectsBulkResponse,
  SavedObjectsUpdateOptions,
  SavedObjectsUpdateResponse,
  SavedObjectsDeleteOptions,
  SavedObjectsFindOptions,
  SavedObjectsFindOptionsReference,
  SavedObjectsFindResult,
  SavedObjectsFindResponse,
  SavedObjectsScanOptions,
  SavedObjectsAggregateOptions,
  SavedObjectsAggregateResult,
  SavedObjectsAggregateResponse,
  SavedObjectsIncrementCounterOptions,
  SavedObjectsIncrementCounterOperation,
  SavedObjectsIncrementCountersOptions,
} from './types';
