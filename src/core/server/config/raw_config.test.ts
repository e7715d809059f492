import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ensureDeepObject, flattenKeys, loadRawConfig, sourceOf } from './raw_config';

describe('ensureDeepObject', () => {
  it('expands dotted keys and merges them with nested ones', () => {
    expect(ensureDeepObject({ 'server.port': 1, server: { host: 'h' }, 'a.b.c': [{ 'x.y': 1 }] })).toEqual({
      server: { port: 1, host: 'h' },
      a: { b: { c: [{ x: { y: 1 } }] } },
    });
  });
});

describe('loadRawConfig', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'raw-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('merges files in order, applies overrides last, and remembers each key’s source', () => {
    const a = join(dir, 'a.yml');
    const b = join(dir, 'b.yml');
    writeFileSync(a, 'server:\n  port: 1\n  host: h\nlogging.root.level: debug\n');
    writeFileSync(b, 'server.port: 2\n');
    const { raw, sources } = loadRawConfig([a, b], [['server.host', 'cli']]);
    expect(raw).toEqual({ server: { port: 2, host: 'cli' }, logging: { root: { level: 'debug' } } });
    expect(sourceOf(sources, 'server.port')).toBe(b);
    expect(sourceOf(sources, 'server.host')).toBe('the command line');
    expect(sourceOf(sources, 'logging.root')).toBe(a);
  });

  it('names the file when YAML is broken or not a mapping', () => {
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'server: [unclosed');
    expect(() => loadRawConfig([bad], [])).toThrow(`Invalid YAML in config file [${bad}]`);
    writeFileSync(bad, '- a list');
    expect(() => loadRawConfig([bad], [])).toThrow(`Config file [${bad}] must hold a mapping`);
    expect(() => loadRawConfig([join(dir, 'missing.yml')], [])).toThrow('Cannot read config file');
  });

  it('treats an empty file as no config', () => {
    const empty = join(dir, 'empty.yml');
    writeFileSync(empty, '# only comments\n');
    expect(loadRawConfig([empty], []).raw).toEqual({});
  });
});

describe('flattenKeys', () => {
  it('lists leaves, treating arrays and empty objects as leaves', () => {
    expect(flattenKeys({ a: { b: 1, c: [1, 2] }, d: {} })).toEqual(['a.b', 'a.c', 'd']);
  });
});
