import { SavedObjectsService, createSqliteBackendFactory } from '../../../core/server';
import { loggingSystemMock } from '../../../core/server/mocks';
import { SECURITY_HIDDEN_TYPES, USER_TYPE, securitySavedObjectTypes } from './saved_object_types';
import { createSecurityTestStore } from './test_store';

describe('security saved-object types', () => {
  it('are hidden, namespace-agnostic and not dynamically mapped', () => {
    expect(SECURITY_HIDDEN_TYPES).toEqual(['security-user', 'security-api-key', 'security-session']);
    for (const type of securitySavedObjectTypes) {
      expect(type).toMatchObject({ hidden: true, namespaceType: 'agnostic', mappings: { dynamic: false } });
    }
  });

  it('cannot be reached by a repository that did not ask for them', async () => {
    const store = await createSecurityTestStore();
    try {
      await store.repository.create(USER_TYPE, { username: 'u', roles: [], password_hash: 'x' }, { id: 'u' });
      const service = new SavedObjectsService({
        logger: loggingSystemMock.createLogger(),
        dataPath: store.dataPath,
        backendFactory: createSqliteBackendFactory({ synchronous: 'NORMAL', counterThread: false }),
      });
      const setup = service.setup();
      securitySavedObjectTypes.forEach((type) => setup.registerType(type));
      const plain = (await service.start()).createInternalRepository();
      await expect(plain.get(USER_TYPE, 'u')).rejects.toMatchObject({ statusCode: 404 });
      expect((await plain.find({ type: USER_TYPE })).total).toBe(0);
      await service.stop();
    } finally {
      await store.close();
    }
  });
});
