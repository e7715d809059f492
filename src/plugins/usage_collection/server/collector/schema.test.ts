import { createFilterReport, filterBySchema, findSchemaProblem } from './schema';
import type { SchemaNode } from './types';

const filter = (value: unknown, schema: SchemaNode) => {
  const report = createFilterReport();
  return { value: filterBySchema(value, schema, report), report };
};

describe('filterBySchema', () => {
  it('keeps declared fields and drops undeclared ones, counting them', () => {
    const { value, report } = filter({ a: 1, secret: 'x', nested: { b: true, email: 'me@example.com' } }, { a: 'long', nested: { b: 'boolean' } });
    expect(value).toEqual({ a: 1, nested: { b: true } });
    expect(report).toMatchObject({ droppedFields: 2, invalidValues: 0 });
    expect(report.samples).toEqual(['secret (undeclared)', 'nested.email (undeclared)']);
  });

  it('drops values of the wrong type for every schema type', () => {
    const schema: SchemaNode = { k: 'keyword', t: 'text', n: 'number', f: 'float', l: 'long', b: 'boolean', d: 'date' };
    const good = { k: 'a', t: 'b', n: 1.5, f: 2.5, l: 3, b: false, d: '2024-01-01T00:00:00.000Z' };
    expect(filter(good, schema).value).toEqual(good);
    const bad = { k: 1, t: {}, n: '1', f: NaN, l: 1.5, b: 'true', d: 'not a date' };
    const { value, report } = filter(bad, schema);
    expect(value).toEqual({});
    expect(report.invalidValues).toBe(7);
  });

  it('turns Dates into ISO strings and keeps null for any declared field', () => {
    const when = new Date('2024-02-03T04:05:06.000Z');
    expect(filter({ d: when, x: null, o: null }, { d: 'date', x: 'long', o: { y: 'long' } }).value).toEqual({
      d: '2024-02-03T04:05:06.000Z',
      x: null,
      o: null,
    });
  });

  it('filters arrays item by item, and rejects a non-array', () => {
    const schema: SchemaNode = { list: { type: 'array', items: { key: 'keyword', value: 'long' } } };
    const { value, report } = filter({ list: [{ key: 'a', value: 1, extra: 1 }, { key: 'b', value: 'x' }, 'junk'] }, schema);
    expect(value).toEqual({ list: [{ key: 'a', value: 1 }, { key: 'b' }] });
    expect(report).toMatchObject({ droppedFields: 1, invalidValues: 2 });
    expect(filter({ list: 'abc' }, schema).value).toEqual({});
  });

  it('keeps any key under DYNAMIC_KEY as data, and filters its value', () => {
    const schema: SchemaNode = { DYNAMIC_KEY: { clicks: 'long' } };
    const { value, report } = filter({ 'my-app': { clicks: 1, extra: 2 }, 'other:app': { clicks: 'x' } }, schema);
    expect(value).toEqual({ 'my-app': { clicks: 1 }, 'other:app': {} });
    expect(report.samples).toEqual(['*.extra (undeclared)', '*.clicks (not a long)']);
  });

  it('treats __proto__ as an ordinary data key and never touches prototypes', () => {
    const input = JSON.parse('{"__proto__": {"clicks": 1}, "ok": {"clicks": 2}}');
    const { value } = filter(input, { DYNAMIC_KEY: { clicks: 'long' } });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__', 'ok']);
    expect(({} as any).clicks).toBeUndefined();
  });

  it('returns a new, deeply frozen value and leaves the input alone', () => {
    const input = { a: { b: [1, 2] }, c: 'drop me' };
    const { value } = filter(input, { a: { b: { type: 'array', items: 'long' } } }) as { value: any };
    expect(input).toEqual({ a: { b: [1, 2] }, c: 'drop me' });
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(Object.isFrozen(value.a.b)).toBe(true);
  });

  it('gives undefined for undefined, and for a root that does not fit', () => {
    expect(filter(undefined, { a: 'long' }).value).toBeUndefined();
    expect(filter('text', { a: 'long' }).value).toBeUndefined();
    expect(filter([1], { a: 'long' }).value).toBeUndefined();
  });

  it('does not treat _meta as a field', () => {
    const { value, report } = filter({ a: 1, _meta: 'x' }, { a: 'long', _meta: { description: 'doc' } } as any);
    expect(value).toEqual({ a: 1 });
    expect(report.droppedFields).toBe(1);
  });
});

describe('findSchemaProblem', () => {
  it('accepts valid schemas', () => {
    expect(findSchemaProblem({ a: 'long', b: { type: 'keyword', _meta: { description: 'x' } }, c: { type: 'array', items: { d: 'date' } }, DYNAMIC_KEY: 'float' })).toBeUndefined();
  });

  it('names the path of the first problem', () => {
    expect(findSchemaProblem({ a: { b: 'int' } })).toBe('[a.b] has unknown type "int"; allowed: keyword, text, number, boolean, long, date, float');
    expect(findSchemaProblem({ a: { type: 'array', items: { c: 5 } } })).toContain('[a.items.c] must be a type name');
    expect(findSchemaProblem(null)).toContain('the root must be');
  });
});
