import { join } from 'path';
import { ADMIN_AUTH_HEADERS, OsdServer, startOsdServer, TEST_PLUGINS_DIR } from '../../../../../test/harness/osd_server';

/** The capabilities the page at `path` was rendered with. */
async function pageCapabilities(server: OsdServer, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/app/home`, { headers: { ...ADMIN_AUTH_HEADERS, ...headers } });
  expect(res.status).toBe(200);
  const html = await res.text();
  const attribute = /<osd-injected-metadata data="([^"]*)">/.exec(html)![1];
  const decoded = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return JSON.parse(decoded).capabilities;
}

describe('capabilities in the page', () => {
  let server: OsdServer;
  beforeAll(async () => {
    server = await startOsdServer({ pluginPaths: [join(TEST_PLUGINS_DIR, 'test_plugin')], timeoutMs: 120000 });
  }, 150000);
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
  });

  it("merges core's capabilities with a plugin's provider", async () => {
    const capabilities = await pageCapabilities(server);
    expect(capabilities.testPlugin).toEqual({ show: true, edit: true });
    expect(capabilities.advancedSettings).toEqual({ show: true, save: true });
    expect(capabilities.management.opensearchDashboards.settings).toBe(true);
  });

  it("applies the plugin's switcher per request", async () => {
    const capabilities = await pageCapabilities(server, { 'x-test-readonly': 'true' });
    expect(capabilities.testPlugin).toEqual({ show: true, edit: false });
    expect(capabilities.advancedSettings).toEqual({ show: true, save: false });
    // The next caller is not affected.
    expect((await pageCapabilities(server)).advancedSettings.save).toBe(true);
  });
});
