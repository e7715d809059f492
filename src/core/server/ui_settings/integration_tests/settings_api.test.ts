/*
 * Upstream's `/api/opensearch-dashboards/settings` answers on the real server, on each store: every route
 * carries `buildNum`, core's standard settings are validated, and a key fixed by `uiSettings.overrides` is
 * reported as overridden and refused with a 400 naming it.
 */
import { api, startOsdServer, type OsdServer } from '../../../../../test/harness/osd_server';
import { stopSuite, storeModes } from '../../../../../test/harness/store_modes';

const OVERRIDDEN_FORMAT = 'YYYY/MM/DD HH:mm';

describe.each(storeModes('ui_settings_api'))('the UI settings API (%s store)', (mode) => {
  let server: OsdServer;
  let buildNum: number;
  const settings = (path = '', method = 'GET', body?: unknown) => api(`${server.url}/api/opensearch-dashboards/settings${path}`, method, body);

  beforeAll(async () => {
    await mode.before();
    server = await startOsdServer({ args: [...mode.args(), `--uiSettings.overrides.dateFormat=${OVERRIDDEN_FORMAT}`], timeoutMs: 120000 });
    buildNum = (await api(`${server.url}/api/status`)).body.version.build_number;
  }, 240000);
  afterAll(() => stopSuite(mode, server));

  it('answers buildNum on GET, POST (many), POST (one) and DELETE, as upstream', async () => {
    const read = await settings();
    expect(read.status).toBe(200);
    expect(read.body.settings.buildNum).toEqual({ userValue: buildNum });
    expect(typeof buildNum).toBe('number');

    const many = await settings('', 'POST', { changes: { 'theme:darkMode': true, 'dateFormat:tz': 'Europe/Paris' } });
    expect(many.status).toBe(200);
    expect(many.body.settings).toMatchObject({
      buildNum: { userValue: buildNum },
      'theme:darkMode': { userValue: true },
      'dateFormat:tz': { userValue: 'Europe/Paris' },
    });

    const one = await settings('/timepicker:timeDefaults', 'POST', { value: '{ "from": "now-1h", "to": "now" }' });
    expect(one.status).toBe(200);
    expect(one.body.settings.buildNum).toEqual({ userValue: buildNum });
    expect(one.body.settings['timepicker:timeDefaults']).toEqual({ userValue: '{ "from": "now-1h", "to": "now" }' });

    const removed = await settings('/theme:darkMode', 'DELETE');
    expect(removed.status).toBe(200);
    expect(removed.body.settings.buildNum).toEqual({ userValue: buildNum });
    expect(removed.body.settings['theme:darkMode']).toBeUndefined();
    expect((await settings()).body.settings['dateFormat:tz']).toEqual({ userValue: 'Europe/Paris' });
  });

  it('refuses buildNum itself and invalid values of the standard settings with a 400 naming the key', async () => {
    const build = await settings('/buildNum', 'POST', { value: 1 });
    expect(build.status).toBe(400);
    expect(build.body.message).toContain('buildNum');
    const zone = await settings('/dateFormat:tz', 'POST', { value: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect(zone.body.message).toContain('Invalid timezone: Mars/Olympus');
    const time = await settings('/timepicker:timeDefaults', 'POST', { value: '{ "from": 15 }' });
    expect(time.status).toBe(400);
    expect(time.body.message).toContain('timepicker:timeDefaults');
    const dark = await settings('', 'POST', { changes: { 'theme:darkMode': 'yes' } });
    expect(dark.status).toBe(400);
    expect(dark.body.message).toContain('theme:darkMode');
  });

  it('reports an overridden setting as such, and refuses every write to it with a 400 naming the key', async () => {
    expect((await settings()).body.settings.dateFormat).toEqual({ userValue: OVERRIDDEN_FORMAT, isOverridden: true });
    for (const [path, method, body] of [
      ['/dateFormat', 'POST', { value: 'YYYY' }],
      ['', 'POST', { changes: { dateFormat: 'YYYY' } }],
      ['/dateFormat', 'DELETE', undefined],
    ] as const) {
      const refused = await settings(path, method, body);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe('Unable to update "dateFormat" because it is overridden');
    }
    expect((await settings()).body.settings.dateFormat).toEqual({ userValue: OVERRIDDEN_FORMAT, isOverridden: true });
  });

  it('links the dark theme stylesheet on the page once theme:darkMode is on, the light one otherwise', async () => {
    const page = async () => (await api(`${server.url}/app/home`)).text;
    expect(await page()).toMatch(/href="[^"]*\/oui_light\.css"/);
    expect((await settings('/theme:darkMode', 'POST', { value: true })).status).toBe(200);
    const dark = await page();
    expect(dark).toMatch(/href="[^"]*\/oui_dark\.css"/);
    const href = /href="([^"]*\/oui_dark\.css)"/.exec(dark)![1];
    const css = await api(`${server.url}${href}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.text.toLowerCase()).toContain('#1d1e24');
    await settings('/theme:darkMode', 'DELETE');
  });
});
