import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createRecordingLogger as recordingLogger } from '../logging/logger.mock';
import { DataPathError } from './data_path';
import { resolveInstanceUuid, UUID_FILE_NAME } from './resolve_uuid';

describe('resolveInstanceUuid', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'uuid-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a uuid once and keeps it; a configured one replaces it', () => {
    const lines: string[] = [];
    const first = resolveInstanceUuid({ dataPath: dir, logger: recordingLogger(lines) });
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((l) => l.includes(`Generated a new server uuid [${first}]`))).toBe(true);
    expect(resolveInstanceUuid({ dataPath: dir, logger: recordingLogger() })).toBe(first);
    const configured = '11111111-2222-3333-4444-555555555555';
    expect(resolveInstanceUuid({ configured, dataPath: dir, logger: recordingLogger() })).toBe(configured);
    expect(readFileSync(join(dir, UUID_FILE_NAME), 'utf8')).toBe(configured);
  });

  it('turns an unreadable uuid file into a DataPathError naming the file', () => {
    mkdirSync(join(dir, UUID_FILE_NAME));
    expect(() => resolveInstanceUuid({ dataPath: dir, logger: recordingLogger() })).toThrow(DataPathError);
    expect(() => resolveInstanceUuid({ dataPath: dir, logger: recordingLogger() })).toThrow(
      `cannot use [${dir}] as the data folder: cannot read the uuid file [${join(dir, UUID_FILE_NAME)}]: EISDIR`
    );
  });

  it('turns a data path under a file into a DataPathError', () => {
    writeFileSync(join(dir, 'file'), '');
    expect(() => resolveInstanceUuid({ dataPath: join(dir, 'file', 'data'), logger: recordingLogger() })).toThrow(DataPathError);
  });
});
