import * as savedObjects from '.';

describe('saved_objects entry point', () => {
  it('exports the service, repository, client, registry, errors and backends', () => {
    expect(Object.keys(savedObjects).sort()).toEqual(
      [
        'SQLITE_FILE_NAME',
        'SavedObjectTypeRegistry',
        'SavedObjectsBackendError',
        'SavedObjectsClient',
        'SavedObjectsClientError',
        'SavedObjectsErrorCode',
        'SavedObjectsErrorHelpers',
        'SavedObjectsRepository',
        'SavedObjectsService',
        'SqliteSavedObjectsBackend',
        'OpenSearchSavedObjectsBackend',
        'createSqliteBackendFactory',
        'createOpenSearchBackendFactory',
        'getOpenSearchIndexUsage',
        'decodeVersion',
        'encodeVersion',
      ].sort()
    );
  });

  it('the types compose as callers will use them', () => {
    // Compile-time check: a start contract hands out clients satisfying the contract type.
    const useClient = (client: savedObjects.SavedObjectsClientContract) => client.find({ type: 'x' });
    const useRepository = (repository: savedObjects.ISavedObjectsRepository) =>
      repository.incrementCounters([{ type: 'x', id: 'y', counterFieldName: 'count' }]);
    expect(typeof useClient).toBe('function');
    expect(typeof useRepository).toBe('function');
  });
});
