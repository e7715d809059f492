import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SavedObjectsBackend, SavedObjectsBackendFactoryContext } from './backend/types';
import { Router } from '../http';
import { silentLogger } from '../http/test_utils';
import { SavedObjectsErrorHelpers } from './errors';
import { createTempDir, createTestLogger, testTypes } from './repository/test_utils';
import { SavedObjectsService, SQLITE_FILE_NAME } from './saved_objects_service';

describe('SavedObjectsService', () => {
  const temp = createTempDir();
  let n = 0;
  let dataPath: string;
  let lines: string[];

  const createService = (extra: Partial<ConstructorParameters<typeof SavedObjectsService>[0]> = {}) =>
    new SavedObjectsService({ logger: createTestLogger(lines), dataPath, ...extra });

  beforeEach(() => {
    lines = [];
    // A folder that does not exist yet: start must create it.
    dataPath = join(temp.dir, `data-${n++}`, 'nested');
  });
  afterAll(() => temp.cleanup());

  async function started() {
    const service = createService();
    const setup = service.setup();
    testTypes.forEach((type) => setup.registerType(type));
    return { service, setup, start: await service.start() };
  }

  it('opens <dataPath>/saved_objects.sqlite at start and serves repositories', async () => {
    const { service, start } = await started();
    try {
      expect(existsSync(join(dataPath, SQLITE_FILE_NAME))).toBe(true);
      expect(lines.some((l) => l.startsWith('info ') && l.includes(SQLITE_FILE_NAME))).toBe(true);
      const repository = start.createInternalRepository();
      await repository.create('dashboard', { title: 'T' }, { id: 'd' });
      expect((await start.createScopedRepository({ headers: {} }).get('dashboard', 'd')).attributes).toEqual({
        title: 'T',
      });
      expect(start.getTypeRegistry().getType('dashboard')?.namespaceType).toBe('single');
      expect(start.getTypeRegistry().isHidden('secret')).toBe(true);
    } finally {
      await service.stop();
    }
  });

  it('keeps objects across stop and a new service on the same data path', async () => {
    const first = await started();
    await first.start.createInternalRepository().incrementCounter('ui-metric', 'x', 'count', { incrementBy: 7 });
    await first.service.stop();
    await first.service.stop(); // idempotent

    const second = await started();
    try {
      const read = await second.start.createInternalRepository().get('ui-metric', 'x');
      expect(read.attributes).toEqual({ count: 7 });
    } finally {
      await second.service.stop();
    }
  });

  it('reaches hidden types only through includedHiddenTypes', async () => {
    const { service, start } = await started();
    try {
      await expect(start.createInternalRepository().create('secret', {})).rejects.toThrow(
        "Unsupported saved object type: 'secret'"
      );
      await start.createInternalRepository(['secret']).create('secret', { value: 'v' }, { id: 's' });
      expect((await start.createScopedRepository({}, ['secret']).get('secret', 's')).attributes).toEqual({
        value: 'v',
      });
      const plainClient = start.getScopedClient({});
      const error = await plainClient.get('secret', 's').catch((e) => e);
      expect(plainClient.errors.isNotFoundError(error)).toBe(true);
      const client = start.getScopedClient({}, { includedHiddenTypes: ['secret'] });
      expect((await client.get('secret', 's')).attributes).toEqual({ value: 'v' });
      expect(() => start.createInternalRepository(['unknown'])).toThrow(
        "Missing mappings for saved objects types: 'unknown'"
      );
    } finally {
      await service.stop();
    }
  });

  it('gives scoped clients every client method', async () => {
    const { service, start } = await started();
    try {
      const client = start.getScopedClient({ url: '/api' });
      const created = await client.create('dashboard', { title: 'one' }, { id: 'one' });
      await client.bulkCreate([{ type: 'dashboard', id: 'two', attributes: { title: 'two' } }]);
      const updated = await client.update('dashboard', 'one', { title: 'uno' }, { version: created.version });
      expect(updated.attributes).toEqual({ title: 'uno' });
      const { saved_objects: both } = await client.bulkGet([
        { type: 'dashboard', id: 'one' },
        { type: 'dashboard', id: 'two' },
      ]);
      expect(both.map((o) => (o.attributes as { title: string }).title)).toEqual(['uno', 'two']);
      expect((await client.find({ type: 'dashboard', search: 'uno' })).total).toBe(1);
      await client.delete('dashboard', 'two');
      expect((await client.find({ type: 'dashboard' })).total).toBe(1);
      expect((await client.get('dashboard', 'one')).version).toBe(updated.version);
    } finally {
      await service.stop();
    }
  });

  it('refuses a type registered twice and any registration after start', async () => {
    const service = createService();
    const setup = service.setup();
    setup.registerType(testTypes[0]);
    expect(() => setup.registerType(testTypes[0])).toThrow("Type 'dashboard' is already registered");
    await service.start();
    try {
      expect(() => setup.registerType(testTypes[1])).toThrow(
        "cannot call `registerType` after service startup (type 'visualization')"
      );
      expect(() => setup.setBackendFactory(() => ({}) as SavedObjectsBackend)).toThrow(
        'cannot call `setBackendFactory` after service startup'
      );
      await expect(service.start()).rejects.toThrow('already started');
    } finally {
      await service.stop();
    }
  });

  it('registers the /api/saved_objects routes on a router of its own when setup is given http', () => {
    const router = new Router('', silentLogger);
    const createRouter = jest.fn(() => router);
    createService().setup({ http: { createRouter } });
    expect(createRouter).toHaveBeenCalledTimes(1);
    expect(router.routes.map((r) => `${r.method} ${r.path}`)).toContain('get /api/saved_objects/{type}/{id}');
    expect(router.routes).toHaveLength(9);
    // Without http (tests, tools) setup registers no route.
    expect(() => createService().setup()).not.toThrow();
  });

  it('fails calls with 503 once stopped', async () => {
    const { service, start } = await started();
    const repository = start.createInternalRepository();
    await service.stop();
    const error = await repository.get('dashboard', 'x').catch((e) => e);
    expect(SavedObjectsErrorHelpers.isOpenSearchUnavailableError(error)).toBe(true);
  });

  describe('backend selection', () => {
    function fakeBackend(events: string[]): SavedObjectsBackend {
      return {
        description: 'fake',
        open: async () => void events.push('open'),
        close: async () => void events.push('close'),
        get: async (id) => {
          events.push(`get ${id}`);
          return { _id: id, _source: { type: 'dashboard', dashboard: { via: 'fake' } }, _seq_no: 4, _primary_term: 2 };
        },
        mget: async () => [],
        create: async () => {
          throw new Error('unused');
        },
        bulkCreate: async () => [],
        update: async () => {
          throw new Error('unused');
        },
        delete: async () => {},
        find: async () => ({ total: 0, hits: [] }),
        scan: async () => ({ hits: [] }),
        closeScan: async () => {},
        aggregate: async () => [],
        incrementCounters: async () => [],
      };
    }

    it('uses the backendFactory option, passing logger, dataPath and the registry', async () => {
      const events: string[] = [];
      let context: SavedObjectsBackendFactoryContext | undefined;
      const service = createService({
        backendFactory: (ctx) => {
          context = ctx;
          return fakeBackend(events);
        },
      });
      service.setup().registerType(testTypes[0]);
      const start = await service.start();
      expect(context?.dataPath).toBe(dataPath);
      expect(context?.typeRegistry.getType('dashboard')).toBeDefined();
      const read = await start.createInternalRepository().get('dashboard', 'd');
      expect(read).toMatchObject({ attributes: { via: 'fake' }, version: Buffer.from('[4,2]').toString('base64') });
      await service.stop();
      expect(events).toEqual(['open', 'get dashboard:d', 'close']);
      expect(existsSync(dataPath)).toBe(false);
    });

    it('lets setup replace the backend once', async () => {
      const events: string[] = [];
      const service = createService();
      const setup = service.setup();
      setup.setBackendFactory(() => fakeBackend(events));
      expect(() => setup.setBackendFactory(() => fakeBackend(events))).toThrow(/can only be set once/);
      await service.start();
      await service.stop();
      expect(events).toEqual(['open', 'close']);
    });
  });
});
