/*
 * Durations out of their bounds stop the real server at start, naming the key (and the file that set it).
 * No store is involved (the server stops while reading its config), so this suite does not run per store.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runServerToExit } from '../../../../../test/harness/osd_server';

describe('telemetry duration bounds at start-up', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'osd-telemetry-limits-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['--telemetry.reportInterval=0', /\[telemetry\.reportInterval\]: Value must be equal to or greater than \[1m\]/],
    ['--telemetry.initialCheckDelay=30d', /\[telemetry\.initialCheckDelay\]: Value must be equal to or less than \[24d\]/],
    ['--telemetry.failurePause=10s', /\[telemetry\.failurePause\]: Value must be equal to or greater than \[1m\]/],
    ['--telemetry_collection_manager.cacheTtl=2d', /\[telemetry_collection_manager\.cacheTtl\]: Value must be equal to or less than \[1d\]/],
  ])('%s stops the server', async (flag, message) => {
    const { code, output } = await runServerToExit({ args: [flag], dataPath: dir });
    expect(code).toBe(1);
    expect(output).toMatch(message);
  });

  it('names the file that set a bad value', async () => {
    const { code, output } = await runServerToExit({ yaml: 'telemetry:\n  optInStatusInterval: 1s\n', dataPath: dir });
    expect(code).toBe(1);
    expect(output).toMatch(/\[telemetry\.optInStatusInterval\]: Value must be equal to or greater than \[10s\].*config-\d+\.yml/s);
  });
});
