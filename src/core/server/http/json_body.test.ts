import { parse as secureParse } from 'secure-json-parse';
import { exceedsJsonDepth } from '../../utils/json_depth';
import { readJsonBody } from './json_body';

/** What the platform decided before: secure-json-parse as Fastify calls it, then the depth rule. */
function reference(text: string): 'fallback' | 'tooDeep' | { value: unknown } {
  let value: unknown;
  try {
    if (text.length === 0) return 'fallback';
    value = secureParse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    return 'fallback';
  }
  return exceedsJsonDepth(value) ? 'tooDeep' : { value };
}

/** `depth` arrays inside each other around `inner`. */
const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

const CASES: Record<string, string> = {
  object: '{"report":{"a":{"x":[1,2,{"y":null}]}}}',
  scalar: '42',
  string: '"text"',
  nullValue: 'null',
  withBom: '\ufeff{"a":1}',
  empty: '',
  onlyBom: '\ufeff',
  malformed: '{"a":',
  proto: '{"a":{"__proto__":{"polluted":true}}}',
  escapedProto: '{"\\u005f\\u005fproto__":{}}',
  protoInArray: '[1,{"__proto__":1}]',
  constructorPrototype: '{"constructor":{"prototype":{"x":1}}}',
  constructorPlain: '{"constructor":{"name":"x"}}',
  constructorScalar: '{"constructor":1}',
  protoAsValue: '{"key":"__proto__"}',
  depth100: nested(100),
  depth101: nested(101),
  deepObjects: `${'{"a":'.repeat(150)}1${'}'.repeat(150)}`,
  deepWithProto: nested(150, '{"__proto__":1}'),
};

describe('readJsonBody', () => {
  it.each(Object.entries(CASES))('decides %s as secure-json-parse and the depth rule do', (_name, text) => {
    const expected = reference(text);
    const actual = readJsonBody(text);
    if (typeof expected === 'string') expect(actual.kind).toBe(expected);
    else expect(actual).toEqual({ kind: 'ok', value: expected.value });
  });

  it('takes any depth without recursion, and a custom limit', () => {
    expect(readJsonBody(nested(100_000)).kind).toBe('tooDeep');
    expect(readJsonBody(nested(3), 2).kind).toBe('tooDeep');
    expect(readJsonBody(nested(2), 2).kind).toBe('ok');
  });
});
