import { checkCompatibleTypes } from './check_compatible_types';
import { readSchema, SchemaObject } from './schema_tree';
import type { Descriptor } from './serializer';
import type { ParsedCollector } from './ts_parser';

const string: Descriptor = { kind: 'string' };
const number: Descriptor = { kind: 'number' };
const boolean: Descriptor = { kind: 'boolean' };
const object = (fields: Record<string, Descriptor>, index?: Descriptor): Descriptor => ({ kind: 'object', fields, ...(index ? { index } : {}) });

/** The messages of checking `schema` against a type with these fields. */
function check(schema: unknown, type: Descriptor): string[] {
  const collector: ParsedCollector = {
    path: 'a.ts',
    line: 1,
    collectorName: 'c',
    typeName: 'Usage',
    typeDescriptor: type,
    schema: readSchema(schema, ['c']) as SchemaObject,
  };
  return checkCompatibleTypes([collector]).flatMap((r) => r.messages);
}

describe('checkCompatibleTypes', () => {
  it('accepts keyword/text/date for strings, long/number/float for numbers, boolean, bare or with _meta', () => {
    const type = object({ a: string, b: string, c: string, d: number, e: number, f: number, g: boolean });
    const schema = { a: 'keyword', b: { type: 'text', _meta: { description: 'B' } }, c: 'date', d: 'long', e: 'number', f: { type: 'float' }, g: 'boolean' };
    expect(check(schema, type)).toEqual([]);
  });

  it("reports a mismatched field in upstream's words, with the declared type", () => {
    expect(check({ total: 'keyword' }, object({ total: number }))).toEqual([
      `incompatible Type key (Usage.total): expected ("string") got ("number"). The schema declares 'keyword'.`,
    ]);
    expect(check({ flag: 'long' }, object({ flag: boolean }))).toEqual([
      `incompatible Type key (Usage.flag): expected ("number") got ("boolean"). The schema declares 'long'.`,
    ]);
  });

  it('reports fields on one side only, both ways', () => {
    expect(check({ a: 'keyword', extra: 'long' }, object({ a: string, missing: boolean }))).toEqual([
      'incompatible Type key (Usage.missing): expected (undefined) got ("boolean"). The type declares this field; the schema does not.',
      'incompatible Type key (Usage.extra): expected ("number") got (undefined). The schema declares this field; the type does not.',
    ]);
  });

  it('checks nested objects and arrays through their items', () => {
    const type = object({ o: object({ n: number }), list: { kind: 'array', items: object({ k: string }) } });
    expect(check({ o: { n: 'long' }, list: { type: 'array', items: { k: 'keyword' } } }, type)).toEqual([]);
    expect(check({ o: 'long', list: { type: 'array', items: { k: 'long' } } }, type)).toEqual([
      'incompatible Type key (Usage.o): expected ("number") got ("object"). The schema declares \'long\'.',
      "incompatible Type key (Usage.list.items.k): expected (\"number\") got (\"string\"). The schema declares 'long'.",
    ]);
    expect(check({ o: { n: 'long' }, list: { k: 'keyword' } }, type)).toEqual([
      'incompatible Type key (Usage.list): expected ("object") got ("array").',
    ]);
  });

  it('matches DYNAMIC_KEY with a record, and named keys with its values', () => {
    const type = object({ apps: object({}, object({ clicks: number })) });
    expect(check({ apps: { DYNAMIC_KEY: { clicks: 'long' } } }, type)).toEqual([]);
    expect(check({ apps: { home: { clicks: 'long' } } }, type)).toEqual([]);
    expect(check({ apps: { DYNAMIC_KEY: { clicks: 'keyword' } } }, type)).toEqual([
      "incompatible Type key (Usage.apps.DYNAMIC_KEY.clicks): expected (\"string\") got (\"number\"). The schema declares 'keyword'.",
    ]);
    expect(check({ apps: {} }, type)).toEqual([
      'incompatible Type key (Usage.apps.DYNAMIC_KEY): expected (undefined) got ("object"). The type is a record: declare its values as { DYNAMIC_KEY: ... }.',
    ]);
    expect(check({ apps: { DYNAMIC_KEY: 'long' } }, object({ apps: object({ a: number }) }))).toEqual([
      'incompatible Type key (Usage.apps.DYNAMIC_KEY): expected ("record") got ("object"). DYNAMIC_KEY declares a record, but the type has no index signature.',
      'incompatible Type key (Usage.apps.a): expected (undefined) got ("number"). The type declares this field; the schema does not.',
    ]);
  });

  it("declares a Date 'date' only", () => {
    expect(check({ at: 'date' }, object({ at: { kind: 'date' } }))).toEqual([]);
    expect(check({ at: 'keyword' }, object({ at: { kind: 'date' } }))).toEqual([
      `incompatible Type key (Usage.at): expected ("string") got ("date"). A Date is declared 'date', not 'keyword'.`,
    ]);
  });

  it('names the collector and its file', () => {
    const collector = { path: 'x.ts', line: 7, collectorName: 'mine', typeName: 'U', typeDescriptor: object({ a: number }) };
    expect(checkCompatibleTypes([{ ...collector, schema: readSchema({ a: 'text' }, ['mine']) as SchemaObject }])).toEqual([
      { collectorPath: 'x.ts:7', collectorName: 'mine', messages: [expect.stringContaining('(U.a)')] },
    ]);
  });
});
