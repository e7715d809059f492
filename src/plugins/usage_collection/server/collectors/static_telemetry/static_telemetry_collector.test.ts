import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createLoggerMock, usageCollectionPluginMock } from '../../mocks';
import { registerStaticTelemetryCollector, telemetryFileCandidates } from './static_telemetry_collector';

describe('static_telemetry collector', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'static-telemetry-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function setup(configPaths: string[]) {
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    const logger = createLoggerMock();
    registerStaticTelemetryCollector(usageCollection, () => configPaths, logger);
    return { usageCollection, logger, collector: usageCollection.getCollectorByType('static_telemetry')! };
  }

  it('reports telemetry.yml beside the config file, only the fields its schema declares', async () => {
    writeFileSync(join(dir, 'telemetry.yml'), ['opensearchck.operator_uuid: op-1', 'opensearchck.build:', '  version: 2.19.0', 'secret: not-reported', ''].join('\n'));
    const { usageCollection, collector } = setup([join(dir, 'opensearch_dashboards.yml')]);
    expect(await collector.isReady()).toBe(true);
    expect(collector.category).toBe('operational');
    const [result] = await usageCollection.bulkFetch(undefined, undefined, {});
    expect(result).toMatchObject({ type: 'static_telemetry', result: { opensearchck: { operator_uuid: 'op-1', build: { version: '2.19.0' } } } });
    expect(JSON.stringify(result)).not.toContain('not-reported');
  });

  it('has nothing without a file, a config file, or with an empty file', async () => {
    expect(await setup([join(dir, 'opensearch_dashboards.yml')]).collector.fetch(undefined, undefined, {})).toBeUndefined();
    expect(await setup([]).collector.fetch(undefined, undefined, {})).toBeUndefined();
    writeFileSync(join(dir, 'telemetry.yml'), '');
    expect(await setup([join(dir, 'opensearch_dashboards.yml')]).collector.fetch(undefined, undefined, {})).toBeUndefined();
  });

  it('looks beside each config file in order', async () => {
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'telemetry.yml'), 'opensearchs.account_id: acc-1\n');
    const { collector } = setup([join(dir, 'a.yml'), join(dir, 'b', 'b.yml')]);
    expect(await collector.fetch(undefined, undefined, {})).toEqual({ opensearchs: { account_id: 'acc-1' } });
    expect(telemetryFileCandidates(['/x/a.yml', '/x/b.yml', '/y/c.yml'])).toEqual(['/x/telemetry.yml', '/y/telemetry.yml']);
  });

  it('warns once about a file it cannot use, and reports nothing', async () => {
    writeFileSync(join(dir, 'telemetry.yml'), 'a: [1\n');
    const { collector, logger } = setup([join(dir, 'opensearch_dashboards.yml')]);
    expect(await collector.fetch(undefined, undefined, {})).toBeUndefined();
    expect(await collector.fetch(undefined, undefined, {})).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain('Ignoring telemetry.yml');
  });
});
