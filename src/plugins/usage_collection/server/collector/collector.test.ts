import { Collector, UsageCollector } from './collector';

describe('Collector', () => {
  it('throws upstream messages for a missing type or fetch', () => {
    // @ts-expect-error: type is required
    expect(() => new Collector({ fetch: () => 1 })).toThrow('Collector must be instantiated with a options.type string property');
    // @ts-expect-error: fetch is required
    expect(() => new Collector({ type: 'x' })).toThrow('Collector must be instantiated with a options.fetch function property');
    // @ts-expect-error: fetch must be a function
    expect(() => new Collector({ type: 'x', fetch: 'nope' })).toThrow('Collector must be instantiated with a options.fetch function property');
  });

  it('rejects a non-function isReady and an invalid schema, naming the path', () => {
    // @ts-expect-error: isReady must be a function
    expect(() => new Collector({ type: 'x', isReady: true, fetch: () => 1 })).toThrow('options.isReady must be a function');
    expect(
      () => new Collector<{ a: { b: number } }>({ type: 'x', schema: { a: { b: 'integer' as any } }, fetch: () => ({ a: { b: 1 } }) })
    ).toThrow('Collector "x" has an invalid schema: [a.b] has unknown type "integer"');
    expect(() => new Collector<{ a: number[] }>({ type: 'x', schema: { a: { type: 'array' } as any }, fetch: () => ({ a: [] }) })).toThrow(
      '[a] is an array without "items"'
    );
  });

  it('is ready by default, and keeps only the declared options', () => {
    const options = { type: 'x', fetch: () => 1, extra: 'not copied' };
    const collector = new Collector<number>(options);
    expect(collector.isReady()).toBe(true);
    expect((collector as any).extra).toBeUndefined();
  });

  it('calls fetch with the collector as `this` and passes the three arguments through', async () => {
    const fetch = jest.fn(function (this: unknown) {
      return this;
    });
    const collector = new Collector<unknown>({ type: 'x', fetch });
    const context = { savedObjectsClient: undefined };
    expect(await collector.fetch(undefined, undefined, context)).toBe(collector);
    expect(fetch).toHaveBeenCalledWith(undefined, undefined, context);
  });
});

describe('UsageCollector', () => {
  it('requires a schema: only declared fields are ever reported', () => {
    // @ts-expect-error: schema is required for usage collectors
    expect(() => new UsageCollector({ type: 'x', fetch: () => ({}) })).toThrow(
      'Usage collector "x" must be instantiated with a options.schema object property'
    );
  });

  it('is a Collector', () => {
    const collector = new UsageCollector<{ a: number }>({ type: 'x', schema: { a: 'long' }, fetch: () => ({ a: 1 }) });
    expect(collector).toBeInstanceOf(Collector);
    expect(collector.getSchemaNode()).toEqual({ a: 'long' });
  });
});
