/* The kit's saved-objects mocks: a client and a repository that store nothing, and the service contracts. */
import {
  SavedObjectsErrorHelpers,
  SavedObjectTypeRegistry,
  type ISavedObjectsRepository,
  type SavedObjectsClientContract,
  type SavedObjectsCounters,
  type SavedObjectsServiceStart,
} from '../saved_objects';
import type { CoreSetup } from '../types';
import { mockOf } from './mock_of';

const notFound = (type: string, id: string) => SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
const emptyFind = async () => ({ saved_objects: [], total: 0, per_page: 20, page: 1 });
const noop = async (): Promise<any> => undefined;
async function* noPages(): AsyncGenerator<never[], void, undefined> {}

/** `errors` is the real helpers class (static methods), the rest are mocks. */
export type SavedObjectsClientMock = jest.Mocked<Omit<SavedObjectsClientContract, 'errors'>> & Pick<SavedObjectsClientContract, 'errors'>;

/** A client that stores nothing: `get` rejects as not found, `find`, `scan` and `aggregate` find nothing, writes resolve undefined. */
function createSavedObjectsClient(): SavedObjectsClientMock {
  const methods = mockOf<Omit<SavedObjectsClientContract, 'errors'>>({
    create: noop,
    bulkCreate: noop,
    delete: noop,
    find: emptyFind,
    bulkGet: noop,
    scan: noPages,
    aggregate: async () => ({ rows: [] }),
    get: async (type, id) => {
      throw notFound(type, id);
    },
    update: noop,
  });
  return Object.assign(methods, { errors: SavedObjectsErrorHelpers });
}

/** A repository with the same defaults; `incrementCounters` resolves [], the others undefined. */
function createSavedObjectsRepository(): jest.Mocked<ISavedObjectsRepository> {
  const { errors: _errors, ...client } = createSavedObjectsClient();
  return { ...client, ...mockOf<Pick<ISavedObjectsRepository, 'incrementCounter' | 'incrementCounters' | 'aggregate'>>({ incrementCounter: noop, incrementCounters: async () => [], aggregate: noop }) };
}

export const savedObjectsClientMock = { create: createSavedObjectsClient };
export const savedObjectsRepositoryMock = { create: createSavedObjectsRepository };

/** A counters port that stores nothing: `increment` and `flush` resolve, `onCommitted` never calls back. */
function createCounters(): jest.Mocked<SavedObjectsCounters> {
  return mockOf<SavedObjectsCounters>({ increment: async () => undefined, onCommitted: () => () => undefined, flush: async () => undefined });
}

export const savedObjectsCountersMock = { create: createCounters };

/** `registerType` goes to a real type registry (same checks), which the start contract of the same call shares. */
function createSavedObjectsSetup(registry = new SavedObjectTypeRegistry()): jest.Mocked<CoreSetup['savedObjects']> {
  return mockOf<CoreSetup['savedObjects']>({ registerType: (type) => registry.registerType(type) });
}

/** Every repository call goes to `repository`, every client call to `client` (both exposed). */
function createSavedObjectsStart(registry = new SavedObjectTypeRegistry()) {
  const repository = createSavedObjectsRepository();
  const client = createSavedObjectsClient();
  const start = mockOf<SavedObjectsServiceStart>({
    createInternalRepository: () => repository,
    createScopedRepository: () => repository,
    getScopedClient: () => client,
    getTypeRegistry: () => registry,
    // A field of the contract, not a method: kept as is, the mocked port.
    counters: createCounters(),
  });
  return Object.assign(start, { repository, client });
}

export const savedObjectsServiceMock = { createSetupContract: createSavedObjectsSetup, createStartContract: createSavedObjectsStart };
