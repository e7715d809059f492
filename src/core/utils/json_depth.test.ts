import { exceedsJsonDepth, MAX_JSON_BODY_DEPTH } from './json_depth';

const nested = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

describe('exceedsJsonDepth', () => {
  it('allows nesting up to the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_BODY_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_BODY_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":{"c":1}}}', 3)).toBe(false);
    expect(exceedsJsonDepth('{"a":{"b":{"c":{}}}}', 3)).toBe(true);
  });

  it('counts objects and arrays together, and depth goes back down after a close', () => {
    expect(exceedsJsonDepth('[{"a":[{}]}]', 4)).toBe(false);
    expect(exceedsJsonDepth('[{"a":[{}]}]', 3)).toBe(true);
    expect(exceedsJsonDepth('[[1],[2],[3],[4]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(JSON.stringify({ a: '[[[[[[[[[[{{{{{{' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ a: 'say \\"[[[[" ok' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ a: 'x\\' }) + '', 1)).toBe(false);
    expect(exceedsJsonDepth('{"a":"\\"", "b":[[1]]}', 2)).toBe(true);
  });

  it('handles 100,000 levels without recursion', () => {
    expect(exceedsJsonDepth(nested(100_000, '{"a":', '}'))).toBe(true);
  });
});
