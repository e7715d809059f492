import { readFileSync } from 'fs';
import * as path from 'path';
import { FIXTURES, REPO_ROOT } from '../__test_utils__/temp_project';
import { parseTelemetryRC } from './config';
import { getProgramPaths } from './discover';
import { extractCollectors, loadCompilerOptions } from './extract_collectors';
import { describeDifference, diffMappings, generateMapping, serializeMapping, StoredMapping } from './manage_schema';
import { readSchema, SchemaObject } from './schema_tree';
import type { ParsedCollector } from './ts_parser';

const collector = (collectorName: string, schema: unknown): ParsedCollector => ({
  path: `${collectorName}.ts`,
  line: 3,
  collectorName,
  typeName: 'Usage',
  typeDescriptor: { kind: 'object', fields: {} },
  schema: readSchema(schema, [collectorName]) as SchemaObject,
});

describe('generateMapping', () => {
  it('stores leaves as { type }, arrays with items, objects as properties, _meta kept, collectors sorted', () => {
    const mapping = generateMapping([
      collector('b', { list: { type: 'array', items: 'keyword', _meta: { description: 'L' } } }),
      collector('a', { DYNAMIC_KEY: { n: { type: 'long', _meta: { description: 'N' } } }, _meta: { description: 'A' } }),
    ]);
    expect(serializeMapping(mapping)).toBe(
      `${JSON.stringify(
        {
          properties: {
            a: { properties: { DYNAMIC_KEY: { properties: { n: { type: 'long', _meta: { description: 'N' } } } } }, _meta: { description: 'A' } },
            b: { properties: { list: { type: 'array', items: { type: 'keyword' }, _meta: { description: 'L' } } } },
          },
        },
        null,
        2
      )}\n`
    );
  });

  it('generates the committed fixture stored file from the fixtures', () => {
    const collectors = extractCollectors(getProgramPaths(parseTelemetryRC(FIXTURES)[0]), loadCompilerOptions(REPO_ROOT), FIXTURES);
    expect(serializeMapping(generateMapping(collectors))).toBe(readFileSync(path.join(FIXTURES, 'stored_schema.json'), 'utf8'));
  });
});

describe('diffMappings', () => {
  const current: StoredMapping = generateMapping([collector('a', { x: 'keyword', y: { z: 'long' } }), collector('new', { n: 'long' })]);
  const stored = {
    properties: {
      a: { properties: { x: { type: 'text' }, y: { properties: { z: { type: 'long', _meta: { description: 'old' } }, gone: { type: 'long' } } } } },
      old: { properties: {} },
    },
  };

  it('finds changed, added and removed fields and collectors, both ways', () => {
    expect(diffMappings(current, stored)).toEqual([
      { collectorName: 'a', field: 'x', change: 'changed', stored: { type: 'text' }, current: { type: 'keyword' } },
      { collectorName: 'a', field: 'y.z._meta', change: 'changed', stored: { _meta: { description: 'old' } }, current: { _meta: undefined } },
      { collectorName: 'a', field: 'y.gone', change: 'removed', stored: { type: 'long' } },
      { collectorName: 'new', field: '', change: 'added', current: current.properties.new },
      { collectorName: 'old', field: '', change: 'removed', stored: { properties: {} } },
    ]);
  });

  it('is empty when equal, whatever the key order', () => {
    const reordered = JSON.parse(JSON.stringify({ properties: { new: current.properties.new, a: current.properties.a } }));
    expect(diffMappings(current, reordered)).toEqual([]);
  });

  it('compares only the given collectors (a --path run), and treats a missing file as empty', () => {
    expect(diffMappings(current, stored, new Set(['new']))).toEqual([
      { collectorName: 'new', field: '', change: 'added', current: current.properties.new },
    ]);
    expect(diffMappings(current, undefined).map((d) => `${d.collectorName}:${d.change}`)).toEqual(['a:added', 'new:added']);
  });

  it('describes each difference with the collector, its file and the field', () => {
    const lines = diffMappings(current, stored).map((d) => describeDifference(d, (name) => (name === 'old' ? undefined : `${name}.ts:3`)));
    expect(lines).toEqual([
      'collector "a" (a.ts:3), field "x": stored {"type":"text"}, schema {"type":"keyword"}',
      'collector "a" (a.ts:3), field "y.z._meta": stored {"_meta":{"description":"old"}}, schema {}',
      'collector "a" (a.ts:3), field "y.gone": in the stored file, but no longer in the schema',
      'collector "new" (new.ts:3): missing from the stored file',
      'collector "old": in the stored file, but no collector of that type was found',
    ]);
  });
});
