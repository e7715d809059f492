import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ensureDeepObject, MAX_FILE_SIZE, readTelemetryFile, TelemetryFileError } from './read_telemetry_file';

describe('readTelemetryFile', () => {
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'static-telemetry-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the mapping, turning dotted keys into nested objects', async () => {
    const path = file('telemetry.yml', 'expected: value\nmore.nested.one: 1\nmore:\n  nested:\n    two: 2\n');
    expect(await readTelemetryFile(path)).toEqual({ expected: 'value', more: { nested: { one: 1, two: 2 } } });
  });

  it('has nothing for a missing, empty or blank file', async () => {
    expect(await readTelemetryFile(join(dir, 'missing.yml'))).toBeUndefined();
    expect(await readTelemetryFile(file('empty.yml', ''))).toBeUndefined();
    expect(await readTelemetryFile(file('blank.yml', '\n'))).toBeUndefined();
    expect(await readTelemetryFile(file('empty_map.yml', '{}'))).toBeUndefined();
  });

  it('refuses a file it cannot use, saying why', async () => {
    await expect(readTelemetryFile(file('big.yml', Buffer.alloc(MAX_FILE_SIZE + 1, 'a')))).rejects.toThrow('over the 10240-byte limit');
    await expect(readTelemetryFile(file('bad.yml', 'a: [1, 2\n'))).rejects.toThrow('is not valid YAML');
    await expect(readTelemetryFile(file('list.yml', '- a\n- b\n'))).rejects.toThrow('must hold a mapping');
    await expect(readTelemetryFile(file('list.yml', '- a\n'))).rejects.toBeInstanceOf(TelemetryFileError);
    await expect(readTelemetryFile(dir)).rejects.toThrow('cannot be read');
  });

  it('refuses an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads any file
    const path = file('secret.yml', 'a: 1');
    chmodSync(path, 0o200);
    await expect(readTelemetryFile(path)).rejects.toThrow('cannot be read');
  });
});

describe('ensureDeepObject', () => {
  it('nests dotted keys at every level and merges them with nested ones', () => {
    expect(ensureDeepObject({ 'a.b': 1, a: { c: 2 }, d: [{ 'e.f': 3 }], g: 'h' })).toEqual({ a: { b: 1, c: 2 }, d: [{ e: { f: 3 } }], g: 'h' });
  });
});
