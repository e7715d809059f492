/*
 * Compile-time checks of MakeSchemaFrom (run by `tsc --noEmit`): a schema that does not match the fetch
 * type must fail to compile. The runtime assertions only keep Jest happy.
 */
import { UsageCollector } from './collector';
import type { MakeSchemaFrom } from './types';

interface Usage {
  my_objects: { total: number; name?: string };
  flags: boolean[];
  list: Array<{ key: string; value: number }>;
  byApp: Record<string, { clicks: number }>;
  when: Date;
}

describe('MakeSchemaFrom', () => {
  it('accepts a matching schema, in both the short and the long leaf forms, with _meta anywhere', () => {
    const schema: MakeSchemaFrom<Usage> = {
      my_objects: { total: 'long', name: { type: 'keyword', _meta: { description: 'optional keys are declared too' } } },
      flags: { type: 'array', items: 'boolean' },
      list: { type: 'array', items: { key: 'keyword', value: { type: 'long' } }, _meta: { description: 'a list' } },
      byApp: { DYNAMIC_KEY: { clicks: 'long' } },
      when: 'date',
      _meta: { description: 'the root' },
    };
    expect(schema.when).toBe('date');
  });

  it('rejects a schema that does not match the data', () => {
    // @ts-expect-error: a number declared as keyword
    const wrongType: MakeSchemaFrom<{ total: number }> = { total: 'keyword' };
    // @ts-expect-error: a field left out (optional ones included)
    const missing: MakeSchemaFrom<{ a: number; b?: string }> = { a: 'long' };
    // @ts-expect-error: a field the data does not have
    const extra: MakeSchemaFrom<{ a: number }> = { a: 'long', b: 'long' };
    // @ts-expect-error: an array declared as a leaf
    const notArray: MakeSchemaFrom<{ a: string[] }> = { a: 'keyword' };
    // @ts-expect-error: a record needs DYNAMIC_KEY
    const record: MakeSchemaFrom<Record<string, number>> = { home: 'long' };
    // @ts-expect-error: unknown schema type
    const unknownType: MakeSchemaFrom<{ a: number }> = { a: 'integer' };
    expect([wrongType, missing, extra, notArray, record, unknownType]).toHaveLength(6);
  });

  it('types a collector schema against its fetch', () => {
    const ok = new UsageCollector({ type: 'ok', schema: { total: 'long' }, fetch: () => ({ total: 1 }) });
    const bad = new UsageCollector({
      type: 'bad',
      // @ts-expect-error: fetch returns a string for `total`
      schema: { total: 'long' },
      fetch: () => ({ total: 'one' }),
    });
    expect([ok.type, bad.type]).toEqual(['ok', 'bad']);
  });
});
