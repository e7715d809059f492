import { schema } from '@osd/config-schema';
import { UiSettingsClient, SettingsStore } from './ui_settings_client';
import { CannotOverrideError, UiSettingsValidationError } from './ui_settings_errors';

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
    expect(await client.getUserProvided()).toEqual({ pageSize: { userValue: 20 } });
    expect(store.objects.get('config:2.19.0')!.attributes.buildNum).toBe(7);
    await client.remove('pageSize');
    expect(await client.get('pageSize')).toBe(10);
    expect(await client.getUserProvided()).toEqual({});
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
    expect(await client.getUserProvided()).toEqual({ darkMode: { userValue: true, isOverridden: true } });
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
});
