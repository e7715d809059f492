import { HttpService } from './http_service';
import { HttpConfig } from './http_config';

const config: HttpConfig = {
  host: '127.0.0.1',
  port: 0,
  name: 'test',
  basePath: '',
  maxPayloadBytes: 1024,
  keepaliveTimeout: 120000,
  socketTimeout: 120000,
  xsrf: { disableProtection: false, allowlist: [] },
  customResponseHeaders: {},
};

function recordingLog() {
  const warnings: string[] = [];
  const log: any = { trace() {}, debug() {}, info() {}, error() {}, fatal() {}, warn: (m: unknown) => warnings.push(String(m)) };
  log.get = () => log;
  return { log, warnings };
}

async function startAndStop(registerAuth: boolean) {
  const { log, warnings } = recordingLog();
  const service = new HttpService(config, log);
  const setup = service.setup();
  setup.setCoreContextFactory(() => ({}) as any);
  if (registerAuth) setup.registerAuth(async (_request: any, _response: any, toolkit: any) => toolkit.authenticated({ state: {} }));
  await service.start();
  await service.stop();
  return warnings;
}

describe('HttpService start: the open-server warning', () => {
  it('warns once that every API is open when no plugin registered an auth handler', async () => {
    const warnings = await startAndStop(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/No authentication is configured \(security\.enabled is false/);
    expect(warnings[0]).toMatch(/can use every API/);
  });

  it('says nothing when an auth handler is registered', async () => {
    expect(await startAndStop(true)).toEqual([]);
  });
});
