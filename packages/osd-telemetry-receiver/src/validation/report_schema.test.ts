import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { declaredLeafPaths, loadCollectorSchemas } from './report_schema';

describe('loadCollectorSchemas', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'receiver-schema-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the stored schema of the repository (the collectors telemetry_check keeps)', () => {
    const schemas = loadCollectorSchemas();
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['core', 'csp', 'telemetry', 'ui_metric', 'application_usage', 'opensearchDashboards']));
    expect(schemas.csp).toMatchObject({ strict: { type: 'boolean' }, warnLegacyBrowsers: { type: 'boolean' }, rulesChangedFromDefault: { type: 'boolean' } });
  });

  it('merges every file of the directory and extra files; a collector declared differently twice is an error naming both', () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ properties: { one: { properties: { x: { type: 'long' } } } } }));
    const extra = join(dir, 'extra.schema');
    writeFileSync(extra, JSON.stringify({ properties: { two: { properties: { y: { type: 'array', items: { type: 'keyword' } } } } } }));
    expect(loadCollectorSchemas({ dir, extraFiles: [extra] })).toEqual({ one: { x: { type: 'long' } }, two: { y: { type: 'array', items: { type: 'keyword' } } } });
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ properties: { one: { properties: { x: { type: 'keyword' } } } } }));
    expect(() => loadCollectorSchemas({ dir })).toThrow(`collector "one" is declared differently in ${join(dir, 'a.json')} and ${join(dir, 'b.json')}`);
  });

  it('refuses a directory without schema files and a file without properties', () => {
    expect(() => loadCollectorSchemas({ dir })).toThrow(`no schema file (*.json) in ${dir}`);
    writeFileSync(join(dir, 'a.json'), '{"mappings":{}}');
    expect(() => loadCollectorSchemas({ dir })).toThrow('has no "properties" object at its root');
  });
});

describe('declaredLeafPaths', () => {
  it('names leaves with * for dynamic keys and [] for array items, skipping _meta', () => {
    expect(declaredLeafPaths({ a: 'long', DYNAMIC_KEY: { b: { type: 'array', items: { c: 'keyword' } } }, _meta: { description: 'x' } })).toEqual(['a', '*.b[].c']);
  });
});
