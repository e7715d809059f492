import { HttpService } from './http_service';
import { testHttpConfig as config } from './test_utils';

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
