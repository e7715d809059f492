import { join } from 'path';
import { api, startOsdServer, OsdServer, TEST_PLUGINS_DIR } from '../../../../test/harness/osd_server';

const LIMIT_BYTES = 64 * 1024;
/** A string whose JSON form (with its quotes) is `bytes` long. */
const ofJsonBytes = (bytes: number) => 'x'.repeat(bytes - 2);
const userSettings = (count: number, prefix: string) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, i]));

describe('bounds of the UI settings routes', () => {
  let server: OsdServer | undefined;
  let settingsUrl: string;
  beforeAll(async () => {
    const started = await startOsdServer({ pluginPaths: [join(TEST_PLUGINS_DIR, 'test_plugin')] });
    server = started;
    settingsUrl = `${started.url}/api/opensearch-dashboards/settings`;
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
  });

  it('accepts a value of exactly 64 KB and refuses one byte more on both set routes, naming the key', async () => {
    expect((await api(`${settingsUrl}/big:ok`, 'POST', { value: ofJsonBytes(LIMIT_BYTES) })).status).toBe(200);

    const one = await api(`${settingsUrl}/big:one`, 'POST', { value: ofJsonBytes(LIMIT_BYTES + 1) });
    expect(one.status).toBe(400);
    expect(one.body.message).toBe('Unable to save "big:one": the value is 65537 bytes as JSON, over the limit of 65536 bytes (64 KB)');

    const many = await api(settingsUrl, 'POST', { changes: { 'testPlugin:pageSize': 20, 'big:many': { list: ofJsonBytes(70000) } } });
    expect(many.status).toBe(400);
    expect(many.body.message).toMatch(/^Unable to save "big:many": the value is \d+ bytes as JSON, over the limit/);

    const longKey = await api(settingsUrl, 'POST', { changes: { ['k'.repeat(300)]: 1 } });
    expect(longKey.status).toBe(400);
    expect(longKey.body.message).toContain('(300 characters): a setting key is at most 256 characters');

    // Nothing of a refused batch is stored.
    const stored = (await api(settingsUrl)).body.settings;
    // (`buildNum` is in every settings answer, as upstream; it is not a user setting.)
    expect(Object.keys(stored).sort()).toEqual(['big:ok', 'buildNum']);
    expect((await api(`${settingsUrl}/big:ok`, 'DELETE')).status).toBe(200);
  });

  it('stores up to 500 user settings, refuses the 501st by name, and always lets settings be changed or removed', async () => {
    expect((await api(settingsUrl, 'POST', { changes: userSettings(499, 'bulk:') })).status).toBe(200);
    expect((await api(`${settingsUrl}/testPlugin:pageSize`, 'POST', { value: 30 })).status).toBe(200);

    const over = await api(`${settingsUrl}/one:more`, 'POST', { value: true });
    expect(over.status).toBe(400);
    expect(over.body.message).toBe(
      'Unable to save "one:more": at most 500 user settings can be stored and this change would make 501; reset settings you no longer need first'
    );
    const batch = await api(settingsUrl, 'POST', { changes: { 'one:more': true, 'bulk:0': 'updated' } });
    expect(batch.status).toBe(400);
    expect(batch.body.message).toContain('"one:more"');

    expect((await api(`${settingsUrl}/bulk:1`, 'POST', { value: 'updated' })).status).toBe(200);
    const swapped = await api(settingsUrl, 'POST', { changes: { 'bulk:2': null, 'one:more': true } });
    expect(swapped.status).toBe(200);
    expect(swapped.body.settings['one:more']).toEqual({ userValue: true });
    expect((await api(`${settingsUrl}/bulk:3`, 'DELETE')).status).toBe(200);

    const all = (await api(settingsUrl)).body.settings;
    expect(Object.keys(all).filter((key) => key !== 'buildNum')).toHaveLength(499);
    expect(all['bulk:1']).toEqual({ userValue: 'updated' });
    expect(all['testPlugin:pageSize']).toEqual({ userValue: 30 });
  });
});
