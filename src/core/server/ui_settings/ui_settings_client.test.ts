import { schema } from '@osd/config-schema';
import { UiSettingsClient, SettingsStore } from './ui_settings_client';
import { CannotOverrideError, UiSettingsLimitError, UiSettingsValidationError } from './ui_settings_errors';

const log = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {}, get: () => log } as any;

/** An in-memory store with versions and real conflict behaviour. */
function createStore(): SettingsStore & { objects: Map<string, { attributes: any; version: number }>; failNextUpdateWithConflict: boolean } {
  const objects = new Map<string, { attributes: any; version: number }>();
  const notFound = () => Object.assign(new Error('Not found'), { statusCode: 404 });
  const store = {
    objects,
    failNextUpdateWithConflict: false,
    async get(type: string, id: string) {
      const o = objects.get(`${type}:${id}`);
      if (!o) throw notFound();
      return { attributes: { ...o.attributes }, version: String(o.version) };
    },
    async create(type: string, attributes: any, { id }: { id: string }) {
      objects.set(`${type}:${id}`, { attributes, version: 1 });
    },
    async update(type: string, id: string, attributes: any, { version }: { version?: string } = {}) {
      const o = objects.get(`${type}:${id}`);
      if (!o) throw notFound();
      if (store.failNextUpdateWithConflict) {
        store.failNextUpdateWithConflict = false;
        o.version++;
        throw Object.assign(new Error('conflict'), { statusCode: 409 });
      }
      if (version !== undefined && version !== String(o.version)) throw Object.assign(new Error('conflict'), { statusCode: 409 });
      o.attributes = { ...o.attributes, ...attributes };
      o.version++;
    },
  };
  return store;
}

function createClient(store = createStore(), overrides: Record<string, unknown> = {}) {
  return new UiSettingsClient({
    type: 'config',
    id: '2.19.0',
    buildNum: 7,
    store,
    overrides,
    log,
    defaults: {
      pageSize: { value: 10, schema: schema.number({ min: 1, max: 100 }), category: ['general'] },
      darkMode: { value: false, schema: schema.boolean() },
      locked: { value: 'x', schema: schema.string(), readonly: true },
    },
  });
}

describe('UiSettingsClient', () => {
  it('returns defaults until a user value is set, then the user value', async () => {
    const store = createStore();
    const client = createClient(store);
    expect(await client.get('pageSize')).toBe(10);
    await client.set('pageSize', 20);
    expect(await client.get('pageSize')).toBe(20);
    expect(await client.getUserProvided()).toEqual({ buildNum: { userValue: 7 }, pageSize: { userValue: 20 } });
    expect(store.objects.get('config:2.19.0')!.attributes.buildNum).toBe(7);
    await client.remove('pageSize');
    expect(await client.get('pageSize')).toBe(10);
    expect(await client.getUserProvided()).toEqual({ buildNum: { userValue: 7 } });
  });

  it('rejects a value that fails the schema, naming the key, and stores nothing', async () => {
    const store = createStore();
    const client = createClient(store);
    await expect(client.setMany({ darkMode: true, pageSize: 'many' })).rejects.toThrow(UiSettingsValidationError);
    await expect(client.set('pageSize', 'many')).rejects.toThrow('[validation [pageSize]]: expected value of type [number] but got [string]');
    expect(store.objects.size).toBe(0);
  });

  it('refuses overridden and read-only settings, and reports overrides as user values', async () => {
    const client = createClient(createStore(), { darkMode: true });
    await expect(client.set('darkMode', false)).rejects.toThrow(CannotOverrideError);
    await expect(client.set('darkMode', false)).rejects.toThrow('Unable to update "darkMode" because it is overridden');
    await expect(client.set('locked', 'y')).rejects.toThrow('read-only');
    expect(await client.get('darkMode')).toBe(true);
    expect(await client.getUserProvided()).toEqual({ buildNum: { userValue: 7 }, darkMode: { userValue: true, isOverridden: true } });
  });

  it("answers buildNum as upstream: the stored object's, else this build's, and never writable", async () => {
    const store = createStore();
    const client = createClient(store);
    expect(await client.getUserProvided()).toEqual({ buildNum: { userValue: 7 } });
    expect(store.objects.size).toBe(0);
    store.objects.set('config:2.19.0', { attributes: { buildNum: 5, pageSize: 30 }, version: 1 });
    expect(await client.getUserProvided()).toEqual({ buildNum: { userValue: 5 }, pageSize: { userValue: 30 } });
    await expect(client.set('buildNum', 8)).rejects.toThrow('Unable to update "buildNum" because it is read-only');
    await expect(client.remove('buildNum')).rejects.toThrow(UiSettingsValidationError);
    expect(store.objects.get('config:2.19.0')!.attributes.buildNum).toBe(5);
  });

  it('re-reads and retries when another writer changed the object meanwhile', async () => {
    const store = createStore();
    const client = createClient(store);
    await client.set('pageSize', 20);
    store.failNextUpdateWithConflict = true;
    await client.set('darkMode', true);
    expect(await client.getAll()).toMatchObject({ pageSize: 20, darkMode: true });
  });

  it('lists registered settings without their schemas', () => {
    const registered = createClient().getRegistered();
    expect(registered.pageSize).toEqual({ value: 10, category: ['general'] });
    expect('schema' in registered.pageSize).toBe(false);
  });

  describe('bounds', () => {
    const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`user:${i}`, i]));

    it('refuses a value over 64 KB with a typed error naming the key, and stores nothing', async () => {
      const store = createStore();
      const client = createClient(store);
      const error = await client.setMany({ darkMode: true, 'big:one': 'x'.repeat(70000) }).catch((e) => e);
      expect(error).toBeInstanceOf(UiSettingsLimitError);
      expect(error).toBeInstanceOf(UiSettingsValidationError);
      expect(error.keys).toEqual(['big:one']);
      expect(error.message).toBe('Unable to save "big:one": the value is 70002 bytes as JSON, over the limit of 65536 bytes (64 KB)');
      expect(store.objects.size).toBe(0);
    });

    it('refuses an over-long key, but lets one stored from before be removed', async () => {
      const long = 'k'.repeat(300);
      const store = createStore();
      const client = createClient(store);
      await expect(client.set(long, 1)).rejects.toThrow(`Unable to save "${'k'.repeat(40)}…" (300 characters): a setting key is at most 256 characters`);
      store.objects.set('config:2.19.0', { attributes: { buildNum: 7, [long]: 1 }, version: 1 });
      await client.remove(long);
      expect(await client.getUserProvided()).toEqual({ buildNum: { userValue: 7 } });
    });

    it('checks the bounds before the setting schema, so a deep value cannot overflow it', async () => {
      let deep: unknown = 1;
      for (let i = 0; i < 50000; i++) deep = [deep];
      await expect(createClient().set('pageSize', deep)).rejects.toThrow('Unable to save "pageSize": the value is nested deeper than 100 levels');
    });

    it('refuses the 501st user setting, naming it, and keeps the 500 stored', async () => {
      const store = createStore();
      const client = createClient(store);
      await client.setMany(many(500));
      const error = await client.set('one:more', true).catch((e) => e);
      expect(error).toBeInstanceOf(UiSettingsLimitError);
      expect(error.keys).toEqual(['one:more']);
      expect(error.message).toContain('Unable to save "one:more": at most 500 user settings can be stored');
      // buildNum is answered too, and not counted.
      expect(Object.keys(await client.getUserProvided())).toHaveLength(501);
      // Replacing one frees a slot.
      await client.remove('user:0');
      await client.set('one:more', true);
      expect(await client.get('one:more')).toBe(true);
    });

    it('still loads, updates and removes settings stored beyond the cap before it existed', async () => {
      const store = createStore();
      store.objects.set('config:2.19.0', { attributes: { buildNum: 7, ...many(600) }, version: 1 });
      const client = createClient(store);
      expect(Object.keys(await client.getUserProvided())).toHaveLength(601);
      await client.set('user:3', 'changed');
      expect(await client.get('user:3')).toBe('changed');
      await expect(client.set('darkMode', true)).rejects.toThrow(UiSettingsLimitError);
      await client.removeMany(['user:1', 'user:2']);
      expect(Object.keys(await client.getUserProvided())).toHaveLength(599);
    });

    it('re-checks the cap after a concurrent write, against what is stored then', async () => {
      const store = createStore();
      const client = createClient(store);
      await client.setMany(many(499));
      // Another writer adds the 500th between our read and our update; our retry must see it.
      const realGet = store.get;
      store.get = async (type: string, id: string) => {
        const read = await realGet(type, id);
        store.get = realGet;
        const o = store.objects.get(`${type}:${id}`)!;
        o.attributes = { ...o.attributes, 'other:writer': 1 };
        o.version++;
        return read;
      };
      await expect(client.set('mine', 1)).rejects.toThrow('would make 501');
      expect(await client.get('other:writer')).toBe(1);
      expect(await client.get('mine')).toBeUndefined();
    });
  });
});
