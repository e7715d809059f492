import { exceedsJsonDepth, MAX_JSON_BODY_DEPTH } from './json_depth';

const nested = (levels: number, open = '[', close = ']') => JSON.parse(open.repeat(levels) + close.repeat(levels));

describe('exceedsJsonDepth', () => {
  it('allows nesting up to the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_BODY_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_BODY_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth({ a: { b: { c: 1 } } }, 3)).toBe(false);
    expect(exceedsJsonDepth({ a: { b: { c: {} } } }, 3)).toBe(true);
  });

  it('counts objects and arrays together, and finds the deep branch among shallow ones', () => {
    expect(exceedsJsonDepth([{ a: [{}] }], 4)).toBe(false);
    expect(exceedsJsonDepth([{ a: [{}] }], 3)).toBe(true);
    expect(exceedsJsonDepth([[1], [2], [3], [4]], 2)).toBe(false);
    expect(exceedsJsonDepth({ shallow: 1, list: [1, 2], deep: { a: { b: [] } } }, 3)).toBe(true);
  });

  it('treats scalars (and strings full of brackets) as depth 0', () => {
    expect(exceedsJsonDepth('[[[[[[[[', 0)).toBe(false);
    expect(exceedsJsonDepth(42, 0)).toBe(false);
    expect(exceedsJsonDepth(null, 0)).toBe(false);
    expect(exceedsJsonDepth({ a: '{{{{{{' }, 1)).toBe(false);
  });

  it('walks 100,000 levels without recursion', () => {
    expect(exceedsJsonDepth(JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)))).toBe(true);
  });
});
