import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ADMIN_AUTH_HEADERS, api, OsdServer, startOsdServer } from '../../../../../test/harness/osd_server';

/*
 * The `csp` and `static_telemetry` collectors on the real server: the config file is written into the data
 * folder by the harness (`--config`), and `telemetry.yml` beside it.
 */
describe('csp and static_telemetry usage on the real server', () => {
  let server: OsdServer;
  let dataPath: string;
  const rules = ["script-src 'unsafe-eval' 'self'", "worker-src blob: 'self'", "style-src 'unsafe-inline' 'self'", 'frame-ancestors https://portal.example.com'];

  beforeAll(async () => {
    dataPath = mkdtempSync(join(tmpdir(), 'osd-static-telemetry-'));
    writeFileSync(
      join(dataPath, 'telemetry.yml'),
      [
        'opensearchck.operator_uuid: op-1234',
        'opensearchck:',
        '  custom_operator_namespace: true',
        '  build:',
        '    version: 2.19.0',
        '    date: "2024-05-01T00:00:00.000Z"',
        'opensearchs.license.max_resource_units: 12',
        'not_in_the_schema: never-reported',
        '',
      ].join('\n')
    );
    const yaml = ['csp:', '  strict: true', '  rules:', ...rules.map((rule) => `    - "${rule}"`), ''].join('\n');
    server = await startOsdServer({ dataPath, yaml });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataPath, { recursive: true, force: true });
  });

  it('serves the page with the custom policy', async () => {
    const page = await fetch(`${server.url}/app/home`, { headers: ADMIN_AUTH_HEADERS });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(rules.join('; '));
  });

  it('reports csp flags and the declared fields of telemetry.yml in /api/stats?extended=true', async () => {
    const { status, body } = await api(`${server.url}/api/stats?extended=true`);
    expect(status).toBe(200);
    expect(body.usage.csp).toEqual({ strict: true, warn_legacy_browsers: true, rules_changed_from_default: true });
    // The rules are never reported: they may name the install's URLs.
    expect(JSON.stringify(body.usage)).not.toContain('portal.example.com');
    expect(body.usage.static_telemetry).toEqual({
      opensearchck: { operator_uuid: 'op-1234', custom_operator_namespace: true, build: { version: '2.19.0', date: '2024-05-01T00:00:00.000Z' } },
      opensearchs: { license: { max_resource_units: 12 } },
    });
    expect(JSON.stringify(body.usage)).not.toContain('never-reported');
  });

  it('keeps upstream\'s field names with legacy=true', async () => {
    const { body } = await api(`${server.url}/api/stats?extended=true&legacy=true`);
    expect(body.usage.csp).toEqual({ strict: true, warnLegacyBrowsers: true, rulesChangedFromDefault: true });
    expect(body.usage.static_telemetry.opensearchck.operator_uuid).toBe('op-1234');
  });

  it('reports static_telemetry only while telemetry.yml is present', async () => {
    unlinkSync(join(dataPath, 'telemetry.yml'));
    const { body } = await api(`${server.url}/api/stats?extended=true`);
    expect(body.usage.static_telemetry).toBeUndefined();
    expect(body.usage.csp).toBeDefined();
  });
});
